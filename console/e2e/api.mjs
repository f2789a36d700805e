// Linli's HTTP API for the console's scripts (the browser suite, the demo data): the local cloud's
// dev login and one JSON call with an optional Idempotency-Key. Not the console's own client.

export function apiOf(base) {
  async function token(user) {
    const r = await fetch(`${base}/_local/dev-login?user=${encodeURIComponent(user)}&format=token`, { method: 'POST' })
    if (!r.ok) throw new Error(`dev login ${user}: ${r.status}`)
    return r.text()
  }

  async function call(tok, method, path, body, key) {
    const headers = { Authorization: `Bearer ${tok}`, Accept: 'application/json' }
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    if (key) headers['Idempotency-Key'] = key
    const r = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
    const text = await r.text()
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`)
    return text ? JSON.parse(text) : null
  }

  return { token, call }
}
