// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus, { ElMessageBox } from 'element-plus'
import { ApiError } from '../src/api/errors'
import { Session } from '../src/api/session'
import { DEFAULT_CONFIG } from '../src/config'
import { initServices } from '../src/services'
import { specOf } from '../src/domain/actions'
import ApiErrorAlert from '../src/components/ApiErrorAlert.vue'
import MaskedContact from '../src/components/MaskedContact.vue'
import CaseActionDialog from '../src/components/CaseActionDialog.vue'
import type { Case } from '../src/api/types'
import { ERROR, MemoryStorage, fakeFetch } from './helpers'

const PHONE = '13812341234'
let logged: string[] = []

beforeEach(() => {
  logged = []
  for (const m of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')))
  }
  sessionStorage.clear()
  localStorage.clear()
})
afterEach(() => document.body.replaceChildren())

function services(answers: Parameters<typeof fakeFetch>[0]) {
  const f = fakeFetch(answers)
  const session = new Session(new MemoryStorage())
  session.set({ accessToken: 'A1', expiresAt: Date.now() + 600_000, refreshToken: null, refreshExpiresAt: 0 })
  initServices({ ...DEFAULT_CONFIG }, () => undefined, session, f.fetch)
  return f
}

describe('ApiErrorAlert', () => {
  it('shows the Chinese headline, each field by its Chinese name, and the request id', () => {
    const e = ApiError.fromBody(400, ERROR('VALIDATION_FAILED', 'invalid', [{ field: 'reason', message: 'is required' }]))
    const w = mount(ApiErrorAlert, { props: { error: e, title: '上报' }, global: { plugins: [ElementPlus] } })
    expect(w.text()).toContain('上报：提交的内容有 1 处需要修改')
    expect(w.text()).toContain('原因：必填')
    expect(w.text()).toContain('请求编号 req-1')
    expect(w.find('[role="alert"]').exists()).toBe(true)
  })

  it('shows nothing without an error', () => {
    const w = mount(ApiErrorAlert, { props: { error: null }, global: { plugins: [ElementPlus] } })
    expect(w.text()).toBe('')
  })
})

describe('MaskedContact', () => {
  it('masks the contact until a recorded "show" - with its reason - and never logs or stores it', async () => {
    const f = services([[200, { revealId: 'rvl_1', caseId: 'case_1', reportId: 'rpt_1', contact: { name: '王芳', phone: PHONE }, revealedAt: '2026-11-23T13:31:02+08:00' }]])
    vi.spyOn(ElMessageBox, 'prompt').mockResolvedValue({ value: ' 电话回访 ', action: 'confirm' } as never)
    const w = mount(MaskedContact, { props: { contact: { name: '王芳', phone: PHONE }, caseId: 'case_1', reportId: 'rpt_1' }, global: { plugins: [ElementPlus] } })
    expect(w.text()).toContain('王* 138****1234')
    expect(w.text()).not.toContain(PHONE)

    await w.find('button').trigger('click')
    await flushPromises()
    expect(f.calls).toHaveLength(1)
    expect(f.calls[0]).toMatchObject({ method: 'POST', url: '/cases/case_1/contact-reveals', body: { reportId: 'rpt_1', reason: '电话回访' } })
    expect(f.calls[0].headers['Idempotency-Key']).toMatch(/^con-/)
    expect(w.text()).toContain(`王芳 ${PHONE}`)
    expect(w.emitted('revealed')).toHaveLength(1)

    const stored = JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage })
    expect(stored).not.toContain(PHONE)
    expect(logged.join('\n')).not.toContain(PHONE)
    expect(logged.join('\n')).not.toContain('王芳')
  })

  it('a refused show says why and keeps the mask', async () => {
    services([[403, ERROR('FORBIDDEN', 'You do not handle this case.')]])
    vi.spyOn(ElMessageBox, 'prompt').mockResolvedValue({ value: '核实', action: 'confirm' } as never)
    const w = mount(MaskedContact, { props: { contact: { name: '王芳', phone: PHONE }, caseId: 'case_1', reportId: 'rpt_1' }, global: { plugins: [ElementPlus] } })
    await w.find('button').trigger('click')
    await flushPromises()
    expect(w.text()).toContain('无权执行此操作')
    expect(w.text()).not.toContain(PHONE)
  })

  it('cancelling the reason sends nothing', async () => {
    const f = services([])
    vi.spyOn(ElMessageBox, 'prompt').mockRejectedValue('cancel')
    const w = mount(MaskedContact, { props: { contact: { name: '王芳', phone: PHONE }, caseId: 'case_1', reportId: 'rpt_1' }, global: { plugins: [ElementPlus] } })
    await w.find('button').trigger('click')
    await flushPromises()
    expect(f.calls).toHaveLength(0)
  })
})

describe('CaseActionDialog', () => {
  const view = { caseId: 'case_1', status: 'ASSIGNED', category: 'sanitation', tier: 'COMMUNITY', tierNode: 'DEMO-W1', createdAt: '2026-11-23T13:31:02+08:00',
    version: 3, allowedActions: ['escalate'] } as Case

  async function open(spec: string) {
    const w = mount(CaseActionDialog, { props: { spec: null, caseView: view }, global: { plugins: [ElementPlus] }, attachTo: document.body })
    await w.setProps({ spec: specOf(spec)! })
    await flushPromises()
    return w
  }
  const submit = () => (Array.from(document.body.querySelectorAll('button[type="submit"]')).at(-1) as HTMLButtonElement).click()

  it('checks the form before sending: nothing leaves without the required reason', async () => {
    const f = services([])
    const w = await open('escalate')
    submit()
    await flushPromises()
    expect(f.calls).toHaveLength(0)
    expect(document.body.textContent).toContain('请填写上报原因')
    w.unmount()
  })

  it('sends the action with its fields, the version and an Idempotency-Key, and hands back the new case', async () => {
    const f = services([[200, { ...view, status: 'ESCALATED', version: 4, allowedActions: [], event: { eventId: 'evt_1', version: 4, action: 'escalate' } }]])
    const w = await open('escalate')
    const textarea = document.body.querySelector('textarea') as HTMLTextAreaElement
    textarea.value = '涉及公共管道'
    textarea.dispatchEvent(new Event('input'))
    await flushPromises()
    submit()
    await flushPromises()
    expect(f.calls[0]).toMatchObject({ method: 'POST', url: '/cases/case_1/actions/escalate', body: { reason: '涉及公共管道', version: 3 } })
    expect(f.calls[0].headers['Idempotency-Key']).toBeTruthy()
    expect(w.emitted('done')?.[0]?.[0]).toMatchObject({ status: 'ESCALATED', version: 4 })
    w.unmount()
  })

  it('re-sends the same submission with the same key after a failure the user retries', async () => {
    const f = services([[500, ERROR('INTERNAL')], [200, { ...view, status: 'ESCALATED', version: 4 }]])
    const w = await open('escalate')
    const textarea = document.body.querySelector('textarea') as HTMLTextAreaElement
    textarea.value = '原因'
    textarea.dispatchEvent(new Event('input'))
    await flushPromises()
    submit()
    await flushPromises()
    expect(document.body.textContent).toContain('系统内部错误')
    submit()
    await flushPromises()
    expect(f.calls).toHaveLength(2)
    expect(f.calls[1].headers['Idempotency-Key']).toBe(f.calls[0].headers['Idempotency-Key'])
    w.unmount()
  })

  it('a case changed meanwhile (409) asks the page to reload it', async () => {
    services([[409, ERROR('VERSION_CONFLICT', 'stale', [], { status: 'ACCEPTED', version: 4, allowedActions: ['start'] })]])
    const w = await open('escalate')
    const textarea = document.body.querySelector('textarea') as HTMLTextAreaElement
    textarea.value = '原因'
    textarea.dispatchEvent(new Event('input'))
    await flushPromises()
    submit()
    await flushPromises()
    expect((w.emitted('stale')?.[0]?.[0] as ApiError).code).toBe('VERSION_CONFLICT')
    w.unmount()
  })
})
