import { vi } from 'vitest'

export interface Recorded {
  url: string
  method: string
  headers: Record<string, string>
  body: unknown
}

/** A fetch that answers from a queue of [status, body, headers] and records what it was asked. */
export function fakeFetch(answers: ([number, unknown] | [number, unknown, Record<string, string>] | Error)[]) {
  const calls: Recorded[] = []
  const fn = vi.fn(async (url: string, init: RequestInit = {}) => {
    calls.push({
      url,
      method: init.method ?? 'GET',
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    })
    const next = answers.shift()
    if (!next) throw new Error('no more answers for ' + url)
    if (next instanceof Error) throw next
    const [status, body, headers] = next
    return new Response(body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body), {
      status, headers: { 'Content-Type': 'application/json', ...(headers ?? {}) },
    })
  })
  return { fetch: fn as unknown as typeof fetch, calls }
}

/** sessionStorage stand-in that shows what was written. */
export class MemoryStorage {
  data = new Map<string, string>()
  getItem(k: string) {
    return this.data.get(k) ?? null
  }
  setItem(k: string, v: string) {
    this.data.set(k, v)
  }
  removeItem(k: string) {
    this.data.delete(k)
  }
}

/** An unsigned JWT-looking token with the given exp (seconds). */
export function jwt(exp: number, extra: Record<string, unknown> = {}): string {
  const b64 = (o: unknown) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
  return `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({ sub: 'usr_1', exp, ...extra })}.sig`
}

export const ERROR = (code: string, message = 'x', fields: { field: string; message: string }[] = [], details?: unknown) =>
  ({ error: { code, message, fields, requestId: 'req-1', ...(details ? { details } : {}) } })
