// A day's thread through the console in a real browser (headless Debian chromium): a resident's
// hard matter reaches the street's queue; the street dispatcher signs in, opens it and summons a
// department; the department's duty officer finds the task and checks in. Screenshots under
// target/e2e; browser console errors listed (failed calls of contract routes included).
//   node e2e/scenario.mjs [http://127.0.0.1:3000]
import { chromium } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { CasePage, DispatchPage, LoginPage, Shell } from './pages.mjs'

const base = (process.argv[2] ?? 'http://127.0.0.1:3000').replace(/\/$/, '')
const out = 'target/e2e'
mkdirSync(out, { recursive: true })

async function report() {
  const token = await (await fetch(`${base}/_local/dev-login?user=resident&format=token`, { method: 'POST' })).text()
  const lng = 113.54 + Math.random() * 0.02
  const r = await fetch(`${base}/reports`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': 'e2e-' + Date.now() },
    body: JSON.stringify({ category: 'illegal_construction', description: '楼顶私搭乱建（浏览器测试）', location: { lat: 37.861, lng, datum: 'GCJ02' },
      contact: { name: '王芳', phone: '13812341234' } }),
  })
  const { reportId } = await r.json()
  for (let i = 0; i < 20; i++) {
    const rep = await (await fetch(`${base}/reports/${reportId}`, { headers: { Authorization: `Bearer ${token}` } })).json()
    if (rep.case) return rep.case.caseId
    await new Promise((res) => setTimeout(res, 300))
  }
  throw new Error('the report was not placed')
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] })
const errors = []
async function person(name) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const page = await context.newPage()
  page.on('console', (m) => m.type() === 'error' && errors.push(`${name}: ${m.text()}`))
  page.on('pageerror', (e) => errors.push(`${name}: ${e}`))
  await new LoginPage(page, base).open()
  return page
}

const caseId = await report()
console.log('case', caseId)

const street = await person('street')
await new LoginPage(street, base).signInAs('西城街道调度')
await new Shell(street).go('调度督办')
await new DispatchPage(street).openCase(caseId)
const casePage = new CasePage(street)
console.log('street may:', (await casePage.actions()).join(' '))
await casePage.act('吹哨（召集部门）', (d) => CasePage.departments(d, ['DEMO-CG']))
await street.getByText('部门协同').first().waitFor()
await street.screenshot({ path: `${out}/case-summoned.png`, fullPage: true })
console.log('after summon:', await casePage.status())

const dept = await person('department')
await new LoginPage(dept, base).signInAs('示范区城市管理局值班员')
await new Shell(dept).go('调度督办')
const deptDispatch = new DispatchPage(dept)
await deptDispatch.tab('部门任务')
await deptDispatch.openCase(caseId)
const deptCase = new CasePage(dept)
console.log('department may:', (await deptCase.actions()).join(' '))
await deptCase.act('部门报到')
await dept.getByText('已报到').first().waitFor()
await dept.screenshot({ path: `${out}/case-checked-in.png`, fullPage: true })

await browser.close()
console.log(`${errors.length} browser console error(s)${errors.length ? ':\n  ' + errors.join('\n  ') : ''}`)
