/**
 * The signed-in session: tokens only, in memory and mirrored to sessionStorage (so a reload of
 * the tab keeps it; closing the tab ends it). Never localStorage, never a name or a phone: who
 * the user is comes from GET /me each time.
 */
export interface Tokens {
  accessToken: string
  /** Epoch milliseconds; 0 when unknown (the dev login's token: its expiry is read from the JWT). */
  expiresAt: number
  refreshToken: string | null
  refreshExpiresAt: number
}

export interface TokenStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

export const STORAGE_KEY = 'linli.console.session'

/** The access token's exp claim in epoch ms (it is not verified here: the API does that). */
export function jwtExpiry(token: string): number {
  const part = token.split('.')[1]
  if (!part) return 0
  try {
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '='))
    const exp = JSON.parse(json).exp
    return typeof exp === 'number' ? exp * 1000 : 0
  } catch {
    return 0
  }
}

/** POST /auth/wechat-login and /auth/refresh answers (schema Tokens) → what is kept. */
export function tokensFrom(body: { accessToken: string; expiresAt?: string; expiresIn?: number; refreshToken?: string; refreshExpiresAt?: string },
  now = Date.now()): Tokens {
  const expiresAt = body.expiresAt ? Date.parse(body.expiresAt)
    : body.expiresIn ? now + body.expiresIn * 1000 : jwtExpiry(body.accessToken)
  return {
    accessToken: body.accessToken,
    expiresAt: Number.isFinite(expiresAt) ? expiresAt : 0,
    refreshToken: body.refreshToken ?? null,
    refreshExpiresAt: body.refreshExpiresAt ? Date.parse(body.refreshExpiresAt) : 0,
  }
}

export class Session {
  private tokens: Tokens | null = null
  private listeners = new Set<(signedIn: boolean) => void>()

  constructor(private readonly storage: TokenStorage | null = typeof sessionStorage === 'undefined' ? null : sessionStorage) {
    const saved = storage?.getItem(STORAGE_KEY)
    if (saved) {
      try {
        const t = JSON.parse(saved) as Tokens
        if (typeof t.accessToken === 'string') this.tokens = t
      } catch {
        storage?.removeItem(STORAGE_KEY)
      }
    }
  }

  get current(): Tokens | null {
    return this.tokens
  }

  get signedIn(): boolean {
    return this.tokens !== null
  }

  set(tokens: Tokens): void {
    this.tokens = tokens
    this.storage?.setItem(STORAGE_KEY, JSON.stringify(tokens))
    this.listeners.forEach((l) => l(true))
  }

  clear(): void {
    const was = this.tokens !== null
    this.tokens = null
    this.storage?.removeItem(STORAGE_KEY)
    if (was) this.listeners.forEach((l) => l(false))
  }

  /** True when the access token expires within `marginMs` and a refresh token could renew it. */
  shouldRefresh(now = Date.now(), marginMs = 60_000): boolean {
    const t = this.tokens
    return !!t && !!t.refreshToken && t.expiresAt > 0 && t.expiresAt - marginMs <= now
  }

  onChange(listener: (signedIn: boolean) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
