import { describe, expect, it, vi } from 'vitest'
import { ApiClient, newIdempotencyKey, path, queryString } from '../src/api/client'
import { ApiError } from '../src/api/errors'
import { Session } from '../src/api/session'
import { ERROR, MemoryStorage, fakeFetch } from './helpers'

const NOW = Date.now()
function session(tokens = { accessToken: 'A1', expiresAt: NOW + 30 * 60_000, refreshToken: 'R1', refreshExpiresAt: 0 }) {
  const s = new Session(new MemoryStorage())
  s.set(tokens)
  return s
}
const noSleep = async () => undefined

describe('ApiClient', () => {
  it('sends the Bearer token, JSON and the query, and reads JSON', async () => {
    const f = fakeFetch([[200, { items: [], nextCursor: null }]])
    const c = new ApiClient({ baseUrl: 'https://api.example', session: session(), fetch: f.fetch })
    const page = await c.get('/me/cases', { limit: 20, cursor: null, extra: '' })
    expect(page).toEqual({ items: [], nextCursor: null })
    expect(f.calls[0].url).toBe('https://api.example/me/cases?limit=20')
    expect(f.calls[0].headers.Authorization).toBe('Bearer A1')
    expect(f.calls[0].headers['Content-Type']).toBeUndefined()
  })

  it('sends an action with its Idempotency-Key and body', async () => {
    const f = fakeFetch([[200, { caseId: 'case_1', status: 'ACCEPTED' }]])
    const c = new ApiClient({ baseUrl: '', session: session(), fetch: f.fetch })
    await c.post('/cases/case_1/actions/accept', { version: 3 }, { idempotencyKey: 'k-1' })
    expect(f.calls[0]).toMatchObject({ method: 'POST', url: '/cases/case_1/actions/accept', body: { version: 3 } })
    expect(f.calls[0].headers['Idempotency-Key']).toBe('k-1')
    expect(f.calls[0].headers['Content-Type']).toBe('application/json')
  })

  it('turns the error format into an ApiError with code, fields, request id and details', async () => {
    const f = fakeFetch([[409, ERROR('INVALID_TRANSITION', 'A case that is CLOSED cannot take accept', [], { status: 'CLOSED', allowedActions: ['reopen'] })]])
    const c = new ApiClient({ baseUrl: '', session: session(), fetch: f.fetch })
    const e = await c.post('/cases/c/actions/accept', {}, { idempotencyKey: 'k' }).catch((x) => x)
    expect(e).toBeInstanceOf(ApiError)
    expect(e).toMatchObject({ status: 409, code: 'INVALID_TRANSITION', requestId: 'req-1', details: { status: 'CLOSED', allowedActions: ['reopen'] } })
  })

  it('refreshes once after TOKEN_EXPIRED and repeats the request with the new token', async () => {
    const f = fakeFetch([
      [401, ERROR('TOKEN_EXPIRED')],
      [200, { accessToken: 'A2', expiresIn: 1800, refreshToken: 'R2' }],
      [200, { userId: 'usr_1', roles: [], scope: [] }],
    ])
    const s = session()
    const c = new ApiClient({ baseUrl: '', session: s, fetch: f.fetch })
    await expect(c.get('/me')).resolves.toMatchObject({ userId: 'usr_1' })
    expect(f.calls[1]).toMatchObject({ url: '/auth/refresh', method: 'POST', body: { refreshToken: 'R1' } })
    expect(f.calls[1].headers.Authorization).toBeUndefined()
    expect(f.calls[2].headers.Authorization).toBe('Bearer A2')
    expect(s.current).toMatchObject({ accessToken: 'A2', refreshToken: 'R2' })
  })

  it('shares one refresh among requests that fail together (the refresh token is single-use)', async () => {
    const f = fakeFetch([
      [401, ERROR('TOKEN_EXPIRED')],
      [401, ERROR('TOKEN_EXPIRED')],
      [200, { accessToken: 'A2', expiresIn: 1800, refreshToken: 'R2' }],
      [200, { n: 1 }],
      [200, { n: 2 }],
    ])
    const c = new ApiClient({ baseUrl: '', session: session(), fetch: f.fetch })
    const results = await Promise.all([c.get('/a'), c.get('/b')])
    expect(results).toHaveLength(2)
    expect(f.calls.filter((x) => x.url === '/auth/refresh')).toHaveLength(1)
  })

  it('refreshes ahead of time when the access token is about to expire', async () => {
    const f = fakeFetch([[200, { accessToken: 'A2', expiresIn: 1800, refreshToken: 'R2' }], [200, {}]])
    const c = new ApiClient({ baseUrl: '', session: session({ accessToken: 'A1', expiresAt: Date.now() + 10_000, refreshToken: 'R1', refreshExpiresAt: 0 }), fetch: f.fetch })
    await c.get('/me')
    expect(f.calls.map((x) => x.url)).toEqual(['/auth/refresh', '/me'])
    expect(f.calls[1].headers.Authorization).toBe('Bearer A2')
  })

  it('a refused refresh ends the session and returns to sign-in', async () => {
    const f = fakeFetch([[401, ERROR('TOKEN_EXPIRED')], [401, ERROR('REFRESH_TOKEN_INVALID')]])
    const s = session()
    const onUnauthenticated = vi.fn()
    const c = new ApiClient({ baseUrl: '', session: s, fetch: f.fetch, onUnauthenticated })
    await expect(c.get('/me')).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' })
    expect(s.signedIn).toBe(false)
    expect(onUnauthenticated).toHaveBeenCalledTimes(1)
  })

  it('a 401 with no refresh token (the dev login) signs out at once', async () => {
    const f = fakeFetch([[401, { message: 'Unauthorized' }]])
    const s = session({ accessToken: 'A1', expiresAt: 0, refreshToken: null as unknown as string, refreshExpiresAt: 0 })
    const onUnauthenticated = vi.fn()
    const c = new ApiClient({ baseUrl: '', session: s, fetch: f.fetch, onUnauthenticated })
    // API Gateway's own 401 has no error format: it still reads as UNAUTHENTICATED.
    await expect(c.get('/me')).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' })
    expect(onUnauthenticated).toHaveBeenCalledOnce()
    expect(f.calls).toHaveLength(1)
  })

  it('retries a 503 of an action with the same Idempotency-Key, waiting as Retry-After says', async () => {
    const f = fakeFetch([[503, ERROR('QUEUE_UNAVAILABLE'), { 'Retry-After': '2' }], [200, { ok: true }]])
    const sleep = vi.fn(noSleep)
    const c = new ApiClient({ baseUrl: '', session: session(), fetch: f.fetch, sleep })
    await c.post('/cases/c/actions/resolve', { result: 'x' }, { idempotencyKey: 'same' })
    expect(f.calls.map((x) => x.headers['Idempotency-Key'])).toEqual(['same', 'same'])
    expect(sleep).toHaveBeenCalledWith(2000)
  })

  it('never repeats a POST that has no Idempotency-Key', async () => {
    const f = fakeFetch([[503, ERROR('STORE_UNAVAILABLE')]])
    const c = new ApiClient({ baseUrl: '', session: session(), fetch: f.fetch, sleep: noSleep })
    await expect(c.post('/volunteers/m/decision', { decision: 'APPROVE' })).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' })
    expect(f.calls).toHaveLength(1)
  })

  it('a network failure of a GET is retried, then reported as NETWORK', async () => {
    const f = fakeFetch([new TypeError('Failed to fetch'), new TypeError('Failed to fetch'), new TypeError('Failed to fetch')])
    const c = new ApiClient({ baseUrl: '', session: session(), fetch: f.fetch, sleep: noSleep })
    await expect(c.get('/me')).rejects.toMatchObject({ status: 0, code: 'NETWORK' })
    expect(f.calls).toHaveLength(3)
  })

  it('reads CSV as text', async () => {
    const f = fakeFetch([[200, '\uFEFF排名,单位编码\r\n1,DEMO-W\r\n']])
    const c = new ApiClient({ baseUrl: '', session: session(), fetch: f.fetch })
    const csv = await c.get<string>('/kpis/DEMO/ranking', { format: 'csv' }, { as: 'text' })
    expect(csv).toContain('DEMO-W')
    expect(f.calls[0].headers.Accept).toContain('text/csv')
  })
})

describe('helpers', () => {
  it('encodes path segments typed by users', () => {
    expect(path`/cases/${'a/b?c'}/audit`).toBe('/cases/a%2Fb%3Fc/audit')
    expect(path`/kpis/${'DEMO-W'}/months`).toBe('/kpis/DEMO-W/months')
  })

  it('leaves empty query values out and repeats arrays', () => {
    expect(queryString({ a: 1, b: '', c: null, d: undefined, e: ['x', 'y'], f: false })).toBe('?a=1&e=x&e=y&f=false')
    expect(queryString({})).toBe('')
  })

  it('makes keys the API accepts (1–128 of A-Z a-z 0-9 . _ : -), different each time', () => {
    const a = newIdempotencyKey()
    expect(a).toMatch(/^[A-Za-z0-9._:-]{1,128}$/)
    expect(newIdempotencyKey()).not.toBe(a)
  })
})
