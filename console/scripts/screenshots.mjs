// Screenshots of every screen against a running local cloud, in headless Debian chromium, with the
// browser console's errors listed (the phase-2 end-to-end suite asserts there are none).
//   node scripts/screenshots.mjs [http://127.0.0.1:3000] [target/screenshots]
// Signs in through the dev login's token put where the console keeps its session (sessionStorage).
import { chromium } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'

const base = (process.argv[2] ?? 'http://127.0.0.1:3000').replace(/\/$/, '')
const out = process.argv[3] ?? 'target/screenshots'
const caseId = process.env.CASE_ID ?? ''
mkdirSync(out, { recursive: true })

async function token(user) {
  const r = await fetch(`${base}/_local/dev-login?user=${encodeURIComponent(user)}&format=token`, { method: 'POST' })
  if (!r.ok) throw new Error(`dev login ${user}: ${r.status}`)
  return r.text()
}

const shots = [
  { name: 'login', path: '/console/login', user: null },
  { name: 'workbench', path: '/console/', user: 'street-DEMO-W' },
  { name: 'cases', path: '/console/cases', user: 'street-DEMO-W' },
  ...(caseId ? [{ name: 'case-detail', path: `/console/cases/${caseId}`, user: 'street-DEMO-W' }] : []),
  { name: 'dispatch', path: '/console/dispatch', user: 'district' },
  { name: 'map', path: '/console/map', user: 'street-DEMO-W' },
  { name: 'map-1920', path: '/console/map', user: 'district', size: [1920, 1080] },
  { name: 'kpis', path: '/console/kpis', user: 'district' },
  { name: 'big-screen-1920', path: '/console/big-screen', user: 'district', size: [1920, 1080] },
  { name: 'big-screen-1366', path: '/console/big-screen', user: 'district' },
  { name: 'volunteers', path: '/console/volunteers', user: 'dispatcher-DEMO-W1' },
  { name: 'territory', path: '/console/territory', user: 'district' },
  { name: 'admin', path: '/console/admin', user: 'admin' },
]

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    // Playwright gives every launch a fresh profile of its own (no --user-data-dir here).
    '--disable-component-update', '--disable-sync'],
})
let problems = 0
for (const s of shots) {
  const [width, height] = s.size ?? [1366, 768]
  const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  if (s.user) {
    const accessToken = await token(s.user)
    await context.addInitScript((t) => {
      sessionStorage.setItem('linli.console.session', JSON.stringify({ accessToken: t, expiresAt: 0, refreshToken: null, refreshExpiresAt: 0 }))
    }, accessToken)
  }
  const page = await context.newPage()
  const errors = []
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()) })
  page.on('pageerror', (e) => errors.push(String(e)))
  await page.goto(base + s.path, { waitUntil: 'networkidle' })
  await page.waitForTimeout(1500)
  const file = join(out, `${s.name}.png`)
  await page.screenshot({ path: file })
  console.log(`${file} (${width}x${height})${errors.length ? ' console errors: ' + errors.join(' | ') : ''}`)
  problems += errors.length
  await context.close()
}
await browser.close()
console.log(`${shots.length} screenshots, ${problems} browser console error(s)`)
