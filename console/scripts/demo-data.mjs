// Demo data for looking at the console on a fresh local cloud (in memory): residents' reports in
// several grids, cases walked through the closed loop, a hard matter summoning a department, a
// micro-wish and a service log. Prints the summoned case's id.
//   node scripts/demo-data.mjs [http://127.0.0.1:3000]
import { apiOf } from '../e2e/api.mjs'

const base = (process.argv[2] ?? 'http://127.0.0.1:3000').replace(/\/$/, '')
const run = Date.now().toString(36)

const { token, call } = apiOf(base)

const act = (tok, caseId, action, body = {}) => call(tok, 'POST', `/cases/${caseId}/actions/${action}`, body, `demo-${run}-${caseId}-${action}-${Math.random().toString(36).slice(2, 8)}`)
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

const resident = await token('resident')
const resident2 = await token('resident2')
const reports = [
  ['sanitation', '楼道堆放杂物，堵塞消防通道', 113.5452, 37.8481, resident],
  ['street_lamp', '小区东门路灯不亮', 113.5551, 37.8478, resident2],
  ['leak', '楼上漏水渗到我家厨房', 113.5648, 37.8486, resident],
  ['noise', '夜间广场舞音响声音过大', 113.5461, 37.8644, resident2],
  ['dispute', '邻里因停车位发生纠纷', 113.5752, 37.8478, resident],
  ['sanitation', '垃圾桶满溢无人清运', 113.5853, 37.8649, resident2],
  ['illegal_construction', '一楼住户私自搭建彩钢房', 113.5552, 37.8641, resident],
  ['other', '健身器材损坏', 113.5951, 37.8482, resident2],
  ['sanitation', '绿化带内有大量建筑垃圾', 113.5649, 37.8652, resident],
]
const ids = []
for (const [category, description, lng, lat, tok] of reports) {
  const r = await call(tok, 'POST', '/reports', { category, description, location: { lat, lng, datum: 'GCJ02' },
    contact: { name: tok === resident ? '王芳' : '刘洋', phone: tok === resident ? '13812341234' : '13900001111' } }, `demo-${run}-${ids.length}`)
  ids.push([r.reportId, tok])
}
await sleep(2500)
const cases = []
for (const [reportId, tok] of ids) cases.push((await call(tok, 'GET', `/reports/${reportId}`)).case)

// The first case round the whole loop: accepted, resolved, fed back, satisfied.
const w1 = await token('worker-DEMO-W1-G1')
const c0 = cases[0].caseId
await act(w1, c0, 'accept')
await act(w1, c0, 'start')
await act(w1, c0, 'resolve', { result: '杂物已清理，消防通道畅通' })
await act(w1, c0, 'feed-back')
await act(resident, c0, 'verdict', { verdict: 'SATISFIED' })
// The street lamp (a department matter) taken by the city management bureau from its queue.
await act(await token('dept-DEMO-CG'), cases[1].caseId, 'accept')
// The hard matter in the street's queue: the street summons the city management bureau, which checks in.
const street = await token('street-DEMO-W')
const hard = cases[6]
let summoned = hard.caseId
try {
  await act(street, hard.caseId, 'summon', { departments: ['DEMO-CG'], note: '请城管局到场核查' })
  await act(await token('dept-DEMO-CG'), hard.caseId, 'check-in')
} catch (e) {
  console.error('summon: ' + e.message)
}
// One escalated by the community to the street.
try {
  const w3 = await token('worker-DEMO-W1-G3')
  await act(w3, cases[2].caseId, 'escalate', { reason: '涉及公共管道，社区无法处理' })
} catch (e) {
  console.error('escalate: ' + e.message)
}

// Volunteers: a wish to review and a service log to verify.
const when = new Date(Date.now() + 2 * 86400_000).toISOString().slice(0, 10) + 'T10:00:00+08:00'
await call(resident, 'POST', '/wishes', { community: 'DEMO-W1', title: '帮忙修水龙头', detail: '厨房水龙头漏水', wantedBy: when,
  place: '柳园小区3号楼2单元501', contact: { name: '王芳', phone: '13812341234' } }, `demo-${run}-wish`)
const me = await call(resident, 'GET', '/me')
const y = new Date(Date.now() + 8 * 3600_000 - 86400_000).toISOString().slice(0, 10)
try {
  await call(await token('volunteer-DEMO-W1-1'), 'POST', '/service-logs', { community: 'DEMO-W1', type: 'elderly_care',
    start: `${y}T09:00:00+08:00`, end: `${y}T11:00:00+08:00`, beneficiaryId: me.userId, description: '陪同就医', evidencePhotoKeys: ['uploads/s1.jpg'] }, `demo-${run}-log`)
} catch (e) {
  console.error('service log: ' + e.message)
}
console.log(summoned)
