import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG, loadConfig, normalizeConfig } from '../src/config'
import { Submission } from '../src/api/submission'
import { STATE_KEY, authorizeUrl, callbackCode } from '../src/auth/wechatWeb'
import { dateTime, deadlineText, toShanghaiIso } from '../src/domain/time'
import { MemoryStorage, fakeFetch } from './helpers'

describe('runtime configuration', () => {
  it('reads config.json and keeps only what it understands', async () => {
    const f = fakeFetch([[200, { apiBaseUrl: 'https://api.example/', devLogin: true, tiles: { url: 'https://t/{z}/{x}/{y}' }, bigScreenRefreshSeconds: 5, extra: 1 }]])
    const c = await loadConfig(f.fetch, '/console/')
    expect(f.calls[0].url).toBe('/console/config.json')
    expect(c).toEqual({ apiBaseUrl: 'https://api.example', devLogin: true, wechatLogin: null, tiles: { url: 'https://t/{z}/{x}/{y}', attribution: undefined },
      bigScreenRefreshSeconds: 60 })
  })

  it('no file, or a broken one: same origin, no dev login', async () => {
    expect(await loadConfig(fakeFetch([[404, {}]]).fetch)).toEqual(DEFAULT_CONFIG)
    expect(await loadConfig(fakeFetch([new TypeError('offline')]).fetch)).toEqual(DEFAULT_CONFIG)
    expect(normalizeConfig('nonsense')).toEqual(DEFAULT_CONFIG)
    expect(normalizeConfig({ devLogin: 'yes' }).devLogin).toBe(false)
  })
})

describe('Idempotency-Key of a form', () => {
  it('the same key while the same body is re-sent, a new one once it changed or succeeded', () => {
    let n = 0
    const s = new Submission(() => `k${++n}`)
    expect(s.keyFor({ reason: 'a' })).toBe('k1')
    expect(s.keyFor({ reason: 'a' })).toBe('k1')
    expect(s.keyFor({ reason: 'b' })).toBe('k2')
    s.done()
    expect(s.keyFor({ reason: 'b' })).toBe('k3')
  })
})

describe('WeChat website QR sign-in (the seam for phase 2)', () => {
  const cfg = { appId: 'wxweb', authorizeUrl: 'https://open.weixin.qq.com/connect/qrconnect', redirectUri: 'https://console.example/console/login' }

  it('sends the browser to the QR page with snsapi_login and a state kept for the callback', () => {
    const storage = new MemoryStorage()
    const url = new URL(authorizeUrl(cfg, storage, 'st4te'))
    expect(url.origin + url.pathname).toBe(cfg.authorizeUrl)
    expect(Object.fromEntries(url.searchParams)).toEqual({ appid: 'wxweb', redirect_uri: cfg.redirectUri, response_type: 'code', scope: 'snsapi_login', state: 'st4te' })
    expect(url.hash).toBe('#wechat_redirect')
    expect(storage.getItem(STATE_KEY)).toBe('st4te')
  })

  it('takes the code only with the state this tab sent, once', () => {
    const storage = new MemoryStorage()
    storage.setItem(STATE_KEY, 'good')
    expect(callbackCode({ code: 'c1', state: 'good' }, storage)).toEqual({ code: 'c1', state: 'good' })
    expect(storage.getItem(STATE_KEY)).toBeNull()
    expect(callbackCode({ code: 'c1', state: 'good' }, storage)).toEqual({ error: '登录请求已失效，请重新扫码' })
    storage.setItem(STATE_KEY, 'good')
    expect(callbackCode({ code: 'c1', state: 'forged' }, storage)).toEqual({ error: '登录请求已失效，请重新扫码' })
    expect(callbackCode({ state: 'x' }, storage)).toEqual({ error: '微信未授权登录（已取消扫码或授权）' })
    expect(callbackCode({}, storage)).toBeNull()
  })
})

describe('times in Asia/Shanghai', () => {
  it('whatever the browser\'s zone', () => {
    expect(dateTime('2026-11-23T05:31:02Z')).toBe('2026-11-23 13:31')
    expect(dateTime(null)).toBe('—')
    expect(toShanghaiIso(new Date(Date.UTC(2026, 10, 30, 17, 5, 9)))).toBe('2026-12-01T01:05:09+08:00')
  })

  it('time left or overdue', () => {
    const now = Date.parse('2026-11-23T12:00:00+08:00')
    expect(deadlineText('2026-11-23T14:05:00+08:00', now)).toEqual({ text: '还剩 2 小时 5 分', overdue: false })
    expect(deadlineText('2026-11-22T09:00:00+08:00', now)).toEqual({ text: '已超期 1 天 3 小时', overdue: true })
    expect(deadlineText(null, now)).toBeNull()
  })
})
