// The console's browser suite (issue 17): a street's day through the console in headless Debian
// chromium, against a running local cloud. Run by infra's ConsoleEndToEndTest in `mvn verify`, or
// by hand:  node e2e/suite.mjs [http://127.0.0.1:3000] [target/e2e]
//
// A staff member signs in with the WeChat QR code (the local cloud's fake WeChat page, "scan as ...").
// A resident's report (filed through the API) appears in the street dispatcher's register; the
// dispatcher opens it and summons a department; the department checks in and completes its task;
// the street feeds back and the resident's verdict arrives (the case closes); the KPI page and the
// big screen show the street's closed case; a bad territory file shows its problems; a volunteer's
// service log is verified. Every screen: a screenshot under the output folder, axe-core's critical
// violations, and the browser console's errors - any of them fails the suite (exit code 1).
import { chromium } from 'playwright-core'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { apiOf } from './api.mjs'
import { CasePage, DispatchPage, LoginPage, Shell } from './pages.mjs'

const base = (process.argv[2] ?? 'http://127.0.0.1:3000').replace(/\/$/, '')
const out = process.argv[3] ?? 'target/e2e'
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium'
mkdirSync(out, { recursive: true })
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const run = Date.now().toString(36)
const started = Date.now()

const problems = []
const screens = []
const consoleErrors = []
const tolerated = []

// Routes the console already calls whose backend is another issue's (console/src/api/endpoints.ts
// marks them "contract"): their 404 is the one console error tolerated, listed in the summary.
// Remove a line when its route lands.
const PENDING_ROUTES = [
  /\/territory\/nodes\/[^/]+\/roster(\/duties)?$/, // rosters and duty
  /\/cycle\/[^/]+\/[^/]+$/, // the monthly cycle's schedule
]
const pending = (url) => { try { return PENDING_ROUTES.some((r) => r.test(new URL(url).pathname)) } catch { return false } }

// ------------------------------------------------------------------ the API, for what is not the console's
const { token, call } = apiOf(base)

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** The local cloud's own time (tests may run it at a fixed instant): service logs must lie in its past. */
async function cloudNow() {
  const r = await fetch(`${base}/_local/clock`)
  return r.ok ? new Date((await r.json()).now) : new Date()
}

/** A hard matter (illegal construction) in the west street: no grid worker takes it, it waits in the street's queue. */
async function fileReport(resident) {
  const lng = 113.54 + Math.random() * 0.02
  const { reportId } = await call(resident, 'POST', '/reports', { category: 'illegal_construction', description: '楼顶私搭乱建（浏览器测试）',
    location: { lat: 37.861, lng, datum: 'GCJ02' }, contact: { name: '王芳', phone: '13812341234' } }, `e2e-${run}-report`)
  for (let i = 0; i < 60; i++) {
    const rep = await call(resident, 'GET', `/reports/${reportId}`)
    if (rep.case) return rep.case.caseId
    await sleep(250)
  }
  throw new Error('the report was not placed')
}

// ------------------------------------------------------------------ the browser
const profile = mkdtempSync(join(tmpdir(), 'linli-chromium-'))
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  // The closed network refuses background connections: none is attempted (no updates, no sync, no QUIC).
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
  viewport: { width: 1366, height: 768 },
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
})

/** A person's tab: its own sessionStorage, so its own session. Signed in through the login page, or with a dev token. */
async function person(name, user) {
  const page = await context.newPage()
  page.on('console', (m) => {
    if (m.type() !== 'error') return
    const url = m.location()?.url ?? ''
    if (/status of 404/.test(m.text()) && pending(url)) tolerated.push(`${name}: 404 ${new URL(url).pathname}`)
    else consoleErrors.push(`${name}: ${m.text()}${url ? ' (' + url + ')' : ''}`)
  })
  page.on('pageerror', (e) => consoleErrors.push(`${name}: ${e}`))
  if (user) {
    const accessToken = await token(user)
    await page.addInitScript((t) => {
      if (!sessionStorage.getItem('linli.console.session')) {
        sessionStorage.setItem('linli.console.session', JSON.stringify({ accessToken: t, expiresAt: 0, refreshToken: null, refreshExpiresAt: 0 }))
      }
    }, accessToken)
  }
  return page
}

/** A screen: its screenshot and axe-core's critical violations (axe is evaluated over CDP, which the page's CSP does not govern). */
async function screen(page, name) {
  await page.waitForLoadState('networkidle')
  const file = join(out, `${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  await page.evaluate(axeSource)
  const critical = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] })
    return r.violations.filter((v) => v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length}): ${v.help}`)
  })
  for (const v of critical) problems.push(`${name}: critical accessibility violation ${v}`)
  screens.push({ name, file, critical: critical.length })
  console.log(`screen ${name}: ${file}${critical.length ? ' - ' + critical.join('; ') : ''}`)
}

async function step(what, fn) {
  const t = Date.now()
  try {
    await fn()
    console.log(`ok   ${what} (${Date.now() - t} ms)`)
  } catch (e) {
    problems.push(`${what}: ${e.message.split('\n')[0]}`)
    console.log(`FAIL ${what}: ${e.message}`)
    throw e
  }
}

let exitCode = 0
try {
  const resident = await token('resident')
  let caseId
  await step('a resident files a report (API)', async () => {
    caseId = await fileReport(resident)
    console.log('     case', caseId)
  })

  await step('a staff member signs in with the WeChat QR code (the fake WeChat server\'s page)', async () => {
    const staff = await person('wechat sign-in')
    await new LoginPage(staff, base).open()
    await staff.getByRole('button', { name: '微信扫码登录' }).click()
    await staff.getByRole('heading', { name: /微信扫码登录/ }).waitFor()
    await screen(staff, 'wechat-qr')
    await staff.getByRole('link', { name: /以 西城街道调度.* 身份扫码/ }).click()
    await staff.getByRole('heading', { level: 1, name: '工作台', exact: true }).waitFor()
    await staff.close()
  })

  const street = await person('street')
  const login = new LoginPage(street, base)
  await step('the street dispatcher signs in', async () => {
    await login.open()
    await screen(street, 'login')
    await login.signInAs('西城街道调度')
    await screen(street, 'workbench')
  })

  await step("the report is in the street's register", async () => {
    await new Shell(street).go('事件台账')
    await street.getByRole('link', { name: caseId }).first().waitFor()
    await screen(street, 'register')
  })

  const casePage = new CasePage(street)
  await step('the dispatcher opens it and summons a department', async () => {
    await street.getByRole('link', { name: caseId }).first().click()
    await street.getByRole('heading', { level: 1, name: new RegExp(caseId) }).waitFor()
    await screen(street, 'case')
    await casePage.act('吹哨（召集部门）', (d) => CasePage.departments(d, ['DEMO-CG']))
    await street.getByText('部门协同').first().waitFor()
    await screen(street, 'case-summoned')
  })

  const dept = await person('department', 'dept-DEMO-CG')
  await step('the department checks in and completes its task', async () => {
    await dept.goto(`${base}/console/dispatch`)
    await dept.getByRole('heading', { level: 1, name: '调度督办' }).waitFor()
    const dispatch = new DispatchPage(dept)
    await dispatch.tab('部门任务')
    await screen(dept, 'department-tasks')
    await dispatch.openCase(caseId)
    const deptCase = new CasePage(dept)
    await deptCase.act('部门报到')
    await dept.getByText('已报到').first().waitFor()
    await deptCase.act('部门办结', (d) => d.getByRole('textbox', { name: '办理结果' }).fill('违建已拆除，现场已清理'))
    await dept.getByText('已处置').first().waitFor()
    await screen(dept, 'case-task-done')
  })

  await step("the street feeds back and the resident's verdict arrives", async () => {
    await street.reload()
    await street.getByRole('heading', { level: 1, name: new RegExp(caseId) }).waitFor()
    await casePage.act('反馈结果')
    await street.getByText('已反馈').first().waitFor()
    await call(resident, 'POST', `/cases/${caseId}/actions/verdict`, { verdict: 'SATISFIED' }, `e2e-${run}-verdict`)
    for (let i = 0; i < 20 && !(await street.getByText('已办结').count()); i++) {
      await sleep(300)
      await street.reload()
      await street.getByRole('heading', { level: 1, name: new RegExp(caseId) }).waitFor()
    }
    await street.getByText('已办结').first().waitFor()
    await screen(street, 'case-closed')
  })

  await step('the KPI page and the big screen show the closed case', async () => {
    // The month's counters are folded from the case's events (a queue consumer): wait until the street's month counts it.
    const month = new Date((await cloudNow()).getTime() + 8 * 3600_000).toISOString().slice(0, 7)
    const streetToken = await token('street-DEMO-W')
    let closed = 0
    for (let i = 0; i < 40 && closed < 1; i++) {
      const k = await call(streetToken, 'GET', `/kpis/DEMO-W?month=${month}`).catch(() => null)
      closed = k?.counts?.closed ?? 0
      if (closed < 1) await sleep(500)
    }
    if (closed < 1) throw new Error("the street's month does not count the closed case")
    await street.goto(`${base}/console/kpis`)
    await street.getByRole('heading', { level: 1, name: '考核排名' }).waitFor()
    await street.waitForLoadState('networkidle')
    await screen(street, 'kpis')
    const big = await person('big screen', 'street-DEMO-W')
    await big.setViewportSize({ width: 1920, height: 1080 })
    await big.goto(`${base}/console/big-screen`)
    await big.waitForLoadState('networkidle')
    await big.waitForTimeout(1000)
    await screen(big, 'big-screen')
    const text = await big.locator('body').innerText()
    if (!/西城街道/.test(text)) throw new Error('the big screen does not show the street')
  })

  await step('a bad territory file shows its problems', async () => {
    const admin = await person('district', 'district')
    await admin.goto(`${base}/console/territory`)
    await admin.getByRole('heading', { level: 1, name: '辖区与网格' }).waitFor()
    await admin.getByRole('tab', { name: '导入地图' }).click()
    // A grid whose parent is not in the file and a polygon that crosses itself.
    const bad = { type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { code: 'BAD', name: '坏区', level: 'DISTRICT' },
        geometry: { type: 'Polygon', coordinates: [[[113.50, 37.80], [113.60, 37.80], [113.60, 37.90], [113.50, 37.90], [113.50, 37.80]]] } },
      { type: 'Feature', properties: { code: 'BAD-X1', name: '孤儿网格', level: 'GRID', parent: 'NOWHERE' },
        geometry: { type: 'Polygon', coordinates: [[[113.51, 37.81], [113.52, 37.82], [113.52, 37.81], [113.51, 37.82], [113.51, 37.81]]] } },
    ] }
    await admin.locator('#f-geojson').setInputFiles({ name: 'bad.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(bad)) })
    await admin.getByRole('button', { name: '上传并校验' }).click()
    await admin.getByText('未通过校验').first().waitFor({ timeout: 60_000 })
    await admin.getByRole('table', { name: '问题清单' }).or(admin.locator('[aria-label="问题清单"]')).first().waitFor()
    await screen(admin, 'territory-problems')
  })

  await step("a volunteer's service log is verified", async () => {
    const now = await cloudNow()
    const day = new Date(now.getTime() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10)
    const description = `陪同就医（浏览器测试 ${run}）`
    const hour = String(8 + Math.floor(Math.random() * 10)).padStart(2, '0')
    await call(await token('volunteer-DEMO-W1-2'), 'POST', '/service-logs', { community: 'DEMO-W1', type: 'elderly_care',
      start: `${day}T${hour}:00:00+08:00`, end: `${day}T${hour}:45:00+08:00`, description }, `e2e-${run}-log`)
    const community = await person('community', 'dispatcher-DEMO-W1')
    await community.goto(`${base}/console/volunteers`)
    await community.getByRole('heading', { level: 1, name: '志愿服务' }).waitFor()
    await community.getByRole('tab', { name: '服务记录' }).click()
    const row = community.getByRole('row').filter({ hasText: description })
    await row.waitFor()
    await screen(community, 'service-logs')
    await row.getByRole('button', { name: '核实' }).click()
    await community.getByText('已核实，积分已计入').first().waitFor()
    await screen(community, 'service-log-verified')
  })
} catch (e) {
  exitCode = 1
  if (!problems.length) problems.push(String(e))
} finally {
  await context.close().catch(() => {})
  rmSync(profile, { recursive: true, force: true })
}

for (const e of consoleErrors) problems.push(`browser console error - ${e}`)
const seconds = ((Date.now() - started) / 1000).toFixed(1)
writeFileSync(join(out, 'summary.json'), JSON.stringify({ seconds: Number(seconds), screens, consoleErrors, tolerated, problems }, null, 2))
if (tolerated.length) console.log(`tolerated: ${[...new Set(tolerated.map((t) => t.replace(/^[^:]+: /, '').replace(/case_\w+/, 'case_…')))].join(', ')} (routes not built yet)`)
console.log(`${screens.length} screens, ${consoleErrors.length} browser console error(s), ${problems.length} problem(s), ${seconds} s`)
for (const p of problems) console.log('  - ' + p)
process.exit(problems.length ? 1 : exitCode)
