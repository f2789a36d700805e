/**
 * The WeChat website QR sign-in (Open Platform OAuth 2, scope snsapi_login): the browser goes to
 * WeChat's QR page, the user scans it with WeChat on his phone, WeChat sends the browser back to
 * /console/login?code=…&state=…, and the API (contract: POST /auth/wechat-web-login) exchanges the
 * code and matches the account by unionid. `state` protects the round trip against forged
 * callbacks: a random value kept in sessionStorage for the length of it (no personal data).
 */
import type { WeChatLoginConfig } from '../config'
import type { TokenStorage } from '../api/session'

export const STATE_KEY = 'linli.console.wx-state'

export function newState(): string {
  const b = new Uint8Array(16)
  crypto.getRandomValues(b)
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
}

/** WeChat's qrconnect address for this app, with the state remembered for the callback. */
export function authorizeUrl(cfg: WeChatLoginConfig, storage: TokenStorage, state = newState()): string {
  storage.setItem(STATE_KEY, state)
  const p = new URLSearchParams({ appid: cfg.appId, redirect_uri: cfg.redirectUri, response_type: 'code', scope: 'snsapi_login', state })
  return `${cfg.authorizeUrl}?${p.toString()}#wechat_redirect`
}

/** The callback's code when its state is the one this tab sent (the state is used once). */
export function callbackCode(query: Record<string, unknown>, storage: TokenStorage): { code: string; state: string } | { error: string } | null {
  const code = typeof query.code === 'string' ? query.code : null
  const state = typeof query.state === 'string' ? query.state : null
  if (!code && !state) return null
  const expected = storage.getItem(STATE_KEY)
  storage.removeItem(STATE_KEY)
  if (!code) return { error: '微信未授权登录（已取消扫码或授权）' }
  if (!state || !expected || state !== expected) return { error: '登录请求已失效，请重新扫码' }
  return { code, state }
}
