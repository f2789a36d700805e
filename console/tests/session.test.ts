import { describe, expect, it } from 'vitest'
import { STORAGE_KEY, Session, jwtExpiry, tokensFrom } from '../src/api/session'
import { MemoryStorage, jwt } from './helpers'

describe('Session', () => {
  it('keeps tokens only - in memory and in the tab\'s sessionStorage - and forgets them on sign-out', () => {
    const storage = new MemoryStorage()
    const s = new Session(storage)
    s.set(tokensFrom({ accessToken: 'A', expiresIn: 1800, refreshToken: 'R', refreshExpiresAt: '2026-12-30T00:00:00+08:00' }, 1_000))
    const saved = JSON.parse(storage.getItem(STORAGE_KEY)!)
    expect(Object.keys(saved).sort()).toEqual(['accessToken', 'expiresAt', 'refreshExpiresAt', 'refreshToken'])
    expect(saved.expiresAt).toBe(1_000 + 1_800_000)
    expect(new Session(storage).current?.accessToken).toBe('A') // a reload of the tab keeps the session
    s.clear()
    expect(storage.data.size).toBe(0)
    expect(s.signedIn).toBe(false)
  })

  it('drops a corrupt stored session instead of failing', () => {
    const storage = new MemoryStorage()
    storage.setItem(STORAGE_KEY, '{not json')
    expect(new Session(storage).signedIn).toBe(false)
    expect(storage.getItem(STORAGE_KEY)).toBeNull()
  })

  it('reads the expiry of a token that came without one (the dev login)', () => {
    const exp = Math.floor(Date.now() / 1000) + 600
    expect(jwtExpiry(jwt(exp))).toBe(exp * 1000)
    expect(tokensFrom({ accessToken: jwt(exp) }).expiresAt).toBe(exp * 1000)
    expect(jwtExpiry('garbage')).toBe(0)
  })

  it('asks for a refresh only near the expiry and only with a refresh token', () => {
    const s = new Session(new MemoryStorage())
    s.set({ accessToken: 'A', expiresAt: 100_000, refreshToken: 'R', refreshExpiresAt: 0 })
    expect(s.shouldRefresh(10_000)).toBe(false)
    expect(s.shouldRefresh(50_000)).toBe(true)
    s.set({ accessToken: 'A', expiresAt: 100_000, refreshToken: null, refreshExpiresAt: 0 })
    expect(s.shouldRefresh(99_000)).toBe(false)
  })

  it('tells listeners when the user signs in and out', () => {
    const s = new Session(new MemoryStorage())
    const seen: boolean[] = []
    s.onChange((v) => seen.push(v))
    s.set({ accessToken: 'A', expiresAt: 0, refreshToken: null, refreshExpiresAt: 0 })
    s.clear()
    s.clear()
    expect(seen).toEqual([true, false])
  })
})
