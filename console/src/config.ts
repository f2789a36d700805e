/**
 * The runtime configuration: where the API is, which sign-in methods exist, an optional map tile
 * layer. It is not built in: the local cloud serves /console/config.json, a deployment writes it
 * next to index.html, so one build runs anywhere.
 */
export interface TileLayer {
  /** e.g. a 天地图 or AMap WMTS/XYZ template with {z}/{x}/{y} and the deployment's key. */
  url: string
  attribution?: string
}

export interface WeChatLoginConfig {
  /** The Open Platform website application's appid (snsapi_login). */
  appId: string
  /** WeChat's QR page; the local cloud points it at its fake WeChat server. */
  authorizeUrl: string
  /** Where WeChat sends the browser back with ?code=&state= (the console's /login route). */
  redirectUri: string
}

export interface RuntimeConfig {
  /** '' = the API is on the console's own origin (the local cloud; CloudFront with the API as an origin). */
  apiBaseUrl: string
  /** The local cloud's dev login (never in a deployment). */
  devLogin: boolean
  wechatLogin: WeChatLoginConfig | null
  tiles: TileLayer | null
  /** How often the big screen (大屏) reloads its figures. */
  bigScreenRefreshSeconds: number
}

export const DEFAULT_CONFIG: RuntimeConfig = {
  apiBaseUrl: '',
  devLogin: false,
  wechatLogin: null,
  tiles: null,
  bigScreenRefreshSeconds: 60,
}

/** Reads the runtime configuration; a missing or broken file leaves the defaults (same origin, no dev login). */
export async function loadConfig(fetchImpl: typeof fetch = fetch, base = import.meta.env.BASE_URL): Promise<RuntimeConfig> {
  try {
    const res = await fetchImpl(`${base}config.json`, { cache: 'no-store', headers: { Accept: 'application/json' } })
    if (!res.ok) return { ...DEFAULT_CONFIG }
    return normalizeConfig(await res.json())
  } catch {
    return { ...DEFAULT_CONFIG }
  }
}

export function normalizeConfig(raw: unknown): RuntimeConfig {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>
  const base = typeof o.apiBaseUrl === 'string' ? o.apiBaseUrl.replace(/\/+$/, '') : ''
  const tiles = o.tiles && typeof o.tiles === 'object' && typeof (o.tiles as TileLayer).url === 'string'
    ? { url: (o.tiles as TileLayer).url, attribution: (o.tiles as TileLayer).attribution } : null
  const wx = o.wechatLogin as WeChatLoginConfig | undefined
  const wechatLogin = wx && typeof wx.appId === 'string' && typeof wx.authorizeUrl === 'string'
    ? { appId: wx.appId, authorizeUrl: wx.authorizeUrl, redirectUri: String(wx.redirectUri ?? '') } : null
  const refresh = Number(o.bigScreenRefreshSeconds)
  return {
    apiBaseUrl: base,
    devLogin: o.devLogin === true,
    wechatLogin,
    tiles,
    bigScreenRefreshSeconds: Number.isFinite(refresh) && refresh >= 10 ? refresh : DEFAULT_CONFIG.bigScreenRefreshSeconds,
  }
}
