/** The app's single API client, built once the runtime configuration is known (main.ts). */
import { ApiClient } from './api/client'
import { LinliApi } from './api/endpoints'
import { Session } from './api/session'
import { DEFAULT_CONFIG, type RuntimeConfig } from './config'

let config: RuntimeConfig = { ...DEFAULT_CONFIG }
let api: LinliApi | null = null

export function initServices(cfg: RuntimeConfig, onUnauthenticated: () => void, session = new Session(), fetchImpl?: typeof fetch): LinliApi {
  config = cfg
  api = new LinliApi(new ApiClient({ baseUrl: cfg.apiBaseUrl, session, onUnauthenticated, fetch: fetchImpl }))
  return api
}

export function useApi(): LinliApi {
  if (!api) throw new Error('initServices() first')
  return api
}

export function useConfig(): RuntimeConfig {
  return config
}
