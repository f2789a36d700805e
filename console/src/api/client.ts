import { ApiError } from './errors'
import { Session, tokensFrom } from './session'

export type QueryValue = string | number | boolean | null | undefined
export type Query = Record<string, QueryValue | QueryValue[]>

export interface RequestOptions {
  query?: Query
  body?: unknown
  /** Sent as Idempotency-Key; reuse the same key when the user retries the same submission. */
  idempotencyKey?: string
  /** false for the sign-in calls themselves. */
  auth?: boolean
  /** 'json' (default), 'text' (CSV), 'blob'. */
  as?: 'json' | 'text' | 'blob'
  signal?: AbortSignal
}

export interface ClientOptions {
  baseUrl: string
  session: Session
  /** Called once the session is gone (401 that no refresh can mend): the app returns to sign-in. */
  onUnauthenticated?: () => void
  fetch?: typeof fetch
  sleep?: (ms: number) => Promise<void>
  /** Retries of a GET or an idempotent action after a network failure or a 503 (with the same key). */
  retries?: number
}

/** A fresh Idempotency-Key (1–128 of A-Z a-z 0-9 . _ : -). */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return 'con-' + crypto.randomUUID()
  const b = new Uint8Array(16)
  crypto.getRandomValues(b)
  return 'con-' + Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
}

/** Query parameters in a stable order, empty values left out; arrays repeat the name. */
export function queryString(query: Query | undefined): string {
  if (!query) return ''
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) {
    for (const item of Array.isArray(v) ? v : [v]) {
      if (item === undefined || item === null || item === '') continue
      p.append(k, String(item))
    }
  }
  const s = p.toString()
  return s ? '?' + s : ''
}

/** Path segments are codes and ids the user may have typed: always encoded. */
export function path(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  return strings.reduce((out, s, i) => out + s + (i < values.length ? encodeURIComponent(String(values[i])) : ''), '')
}

/**
 * The one way the console talks to Linli: Bearer token, Idempotency-Key on actions, the token
 * refreshed before it expires and once after a TOKEN_EXPIRED, the error format as ApiError.
 */
export class ApiClient {
  private readonly fetchImpl: typeof fetch
  private readonly sleep: (ms: number) => Promise<void>
  private refreshing: Promise<boolean> | null = null

  constructor(private readonly options: ClientOptions) {
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init))
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)))
  }

  get session(): Session {
    return this.options.session
  }

  get<T>(p: string, query?: Query, opts: Omit<RequestOptions, 'query' | 'body'> = {}): Promise<T> {
    return this.request<T>('GET', p, { ...opts, query })
  }

  post<T>(p: string, body: unknown = {}, opts: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('POST', p, { ...opts, body })
  }

  put<T>(p: string, body: unknown, opts: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('PUT', p, { ...opts, body })
  }

  async request<T>(method: string, p: string, opts: RequestOptions = {}): Promise<T> {
    const auth = opts.auth !== false
    if (auth && this.session.shouldRefresh()) await this.refresh()
    const retriable = method === 'GET' || !!opts.idempotencyKey
    const maxRetries = retriable ? (this.options.retries ?? 2) : 0
    let refreshed = false
    for (let attempt = 0; ; attempt++) {
      let res: Response
      try {
        res = await this.fetchImpl(this.options.baseUrl + p + queryString(opts.query), {
          method,
          headers: this.headers(opts, auth),
          body: opts.body === undefined || method === 'GET' ? undefined : JSON.stringify(opts.body),
          signal: opts.signal,
          credentials: 'omit',
        })
      } catch (e) {
        if ((e as Error)?.name === 'AbortError') throw e
        if (attempt < maxRetries) {
          await this.sleep(backoff(attempt, null))
          continue
        }
        throw ApiError.network(e)
      }
      if (res.ok) return this.read<T>(res, opts.as ?? 'json')
      const error = ApiError.fromBody(res.status, await safeJson(res), res.headers.get('Retry-After'))
      if (res.status === 401 && auth) {
        if (!refreshed && error.code === 'TOKEN_EXPIRED' && this.session.current?.refreshToken) {
          refreshed = true
          if (await this.refresh()) {
            attempt--
            continue
          }
        }
        this.signOut()
        throw error
      }
      if (res.status === 503 && attempt < maxRetries) {
        await this.sleep(backoff(attempt, error.retryAfterSeconds))
        continue
      }
      throw error
    }
  }

  /** Renews the tokens with the single-use refresh token; concurrent callers share one attempt. */
  refresh(): Promise<boolean> {
    if (!this.refreshing) {
      this.refreshing = this.doRefresh().finally(() => {
        this.refreshing = null
      })
    }
    return this.refreshing
  }

  private async doRefresh(): Promise<boolean> {
    const refreshToken = this.session.current?.refreshToken
    if (!refreshToken) return false
    try {
      const body = await this.request<Parameters<typeof tokensFrom>[0]>('POST', '/auth/refresh', { body: { refreshToken }, auth: false })
      this.session.set(tokensFrom(body))
      return true
    } catch (e) {
      // A refused refresh token is final; a network failure leaves the session for the next try.
      if (e instanceof ApiError && e.status === 401) this.signOut()
      return false
    }
  }

  signOut(): void {
    const was = this.session.signedIn
    this.session.clear()
    if (was) this.options.onUnauthenticated?.()
  }

  private headers(opts: RequestOptions, auth: boolean): Record<string, string> {
    const h: Record<string, string> = { Accept: opts.as === 'text' ? 'text/csv, application/json' : 'application/json' }
    if (opts.body !== undefined) h['Content-Type'] = 'application/json'
    if (opts.idempotencyKey) h['Idempotency-Key'] = opts.idempotencyKey
    const token = this.session.current?.accessToken
    if (auth && token) h.Authorization = 'Bearer ' + token
    return h
  }

  private async read<T>(res: Response, as: 'json' | 'text' | 'blob'): Promise<T> {
    if (as === 'text') return (await res.text()) as T
    if (as === 'blob') return (await res.blob()) as T
    if (res.status === 204) return undefined as T
    const text = await res.text()
    return (text ? JSON.parse(text) : undefined) as T
  }
}

function backoff(attempt: number, retryAfterSeconds: number | null): number {
  if (retryAfterSeconds != null) return Math.min(retryAfterSeconds, 5) * 1000
  return 300 * 2 ** attempt
}

async function safeJson(res: Response): Promise<unknown> {
  try {
    const text = await res.text()
    return text ? JSON.parse(text) : null
  } catch {
    return null
  }
}
