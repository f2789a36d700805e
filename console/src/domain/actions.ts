/**
 * A case's allowedActions (GET /cases/{id}, computed by the API for the caller) → the buttons and
 * forms the case page shows: exactly those actions, each with the fields docs/api.md lists for it,
 * validated before sending, turned into the action's body (only its own fields, plus version).
 */
import { ACTION } from './labels'

export type FieldKind = 'text' | 'textarea' | 'assignee' | 'departments' | 'department' | 'select' | 'case' | 'photos'

export interface FieldSpec {
  name: string
  label: string
  kind: FieldKind
  required?: boolean | ((values: ActionValues) => boolean)
  options?: { value: string; label: string }[]
  max?: number
  placeholder?: string
}

export interface ActionSpec {
  action: string
  label: string
  /** Button style: the main step forward, a warning (sends it elsewhere), a danger (ends it). */
  tone: 'primary' | 'warning' | 'danger' | 'default'
  fields: FieldSpec[]
  /** A sentence the form shows above its fields. */
  hint?: string
  /** Shown in a confirmation before an action that cannot be undone. */
  confirm?: string
}

export type ActionValues = Record<string, unknown>

const NOTE: FieldSpec = { name: 'note', label: '备注', kind: 'textarea', max: 2000, placeholder: '可选，记入事件流转记录' }
const reason = (label: string, placeholder: string): FieldSpec => ({ name: 'reason', label, kind: 'textarea', required: true, max: 2000, placeholder })
const VERDICT_OPTIONS = [
  { value: 'SATISFIED', label: '满意' }, { value: 'BASICALLY_SATISFIED', label: '基本满意' }, { value: 'DISSATISFIED', label: '不满意' },
]

/** In the order the buttons appear: forward steps first, then sending elsewhere, then ending. */
export const ACTION_SPECS: ActionSpec[] = [
  { action: 'accept', label: ACTION.accept, tone: 'primary', fields: [NOTE], hint: '受理后由您负责处置（调度员受理即本人办理）。' },
  { action: 'start', label: ACTION.start, tone: 'primary', fields: [NOTE] },
  { action: 'dispatch', label: ACTION.dispatch, tone: 'primary', fields: [
    { name: 'assignee', label: '处置人', kind: 'assignee', required: true }, NOTE] },
  { action: 'redispatch', label: ACTION.redispatch, tone: 'warning', fields: [
    { name: 'assignee', label: '新处置人', kind: 'assignee', required: true }, NOTE] },
  { action: 'check-in', label: ACTION['check-in'], tone: 'primary', fields: [
    { name: 'department', label: '报到部门', kind: 'department', placeholder: '仅在您代表多个部门时选择' }, NOTE] },
  { action: 'complete-task', label: ACTION['complete-task'], tone: 'primary', fields: [
    { name: 'result', label: '办理结果', kind: 'textarea', required: true, max: 2000 },
    { name: 'department', label: '部门', kind: 'department', placeholder: '仅在您代表多个部门时选择' },
    { name: 'photoKeys', label: '佐证照片', kind: 'photos' }, NOTE] },
  { action: 'resolve', label: ACTION.resolve, tone: 'primary', fields: [
    { name: 'result', label: '处置结果', kind: 'textarea', required: true, max: 2000 },
    { name: 'photoKeys', label: '佐证照片', kind: 'photos' }, NOTE] },
  { action: 'feed-back', label: ACTION['feed-back'], tone: 'primary', fields: [NOTE], hint: '将处置结果反馈给报告人，请其评价。' },
  { action: 'callback', label: ACTION.callback, tone: 'primary', fields: [
    { name: 'outcome', label: '回访结果', kind: 'select', required: true,
      options: [...VERDICT_OPTIONS, { value: 'UNREACHABLE', label: '联系不上' }] }, NOTE],
    hint: '满意或基本满意即结案；不满意退回返工；联系不上则继续等待评价。' },
  { action: 'verdict', label: ACTION.verdict, tone: 'primary', fields: [
    { name: 'verdict', label: '评价', kind: 'select', required: true, options: VERDICT_OPTIONS },
    { name: 'comment', label: '评价意见', kind: 'textarea', max: 2000, required: (v) => v.verdict === 'DISSATISFIED' }] },
  { action: 'add-note', label: ACTION['add-note'], tone: 'default', fields: [
    { name: 'note', label: '记录内容', kind: 'textarea', required: true, max: 2000 }, { name: 'photoKeys', label: '照片', kind: 'photos' }] },
  { action: 'summon', label: ACTION.summon, tone: 'warning', fields: [
    { name: 'departments', label: '召集的职能部门', kind: 'departments', required: true }, NOTE],
    hint: '街乡吹哨、部门报到：每个部门须在时限内报到并办结各自的任务。' },
  { action: 'escalate', label: ACTION.escalate, tone: 'warning', fields: [reason('上报原因', '说明为什么本级无法办理')] },
  { action: 'return', label: ACTION.return, tone: 'warning', fields: [reason('退回原因', '非本人职责，或处置结果不合格需返工')] },
  { action: 'merge', label: ACTION.merge, tone: 'warning', fields: [
    { name: 'into', label: '合并到事件编号', kind: 'case', required: true, placeholder: 'case_…（须为仍在办理的事件）' }, NOTE],
    confirm: '合并后本事件结束，其报告人转为目标事件的关注人。确定合并？' },
  { action: 'reopen', label: ACTION.reopen, tone: 'warning', fields: [reason('重新办理原因', '')] },
  { action: 'close', label: ACTION.close, tone: 'danger', fields: [{ name: 'note', label: '结案说明', kind: 'textarea', required: true, max: 2000 }],
    confirm: '结案后只能在规定期限内重新办理。确定结案？' },
  { action: 'reject', label: ACTION.reject, tone: 'danger', fields: [reason('不予受理原因', '例如：不属于平台受理范围')],
    confirm: '不予受理将结束本事件。确定？' },
]

const BY_ACTION = new Map(ACTION_SPECS.map((s) => [s.action, s]))

/**
 * The forms for exactly the actions the API allows, in ACTION_SPECS order. An action the console
 * does not know yet (added to the API later) still gets a form: a note, sent as is.
 */
export function actionsFor(allowed: readonly string[] | undefined): ActionSpec[] {
  if (!allowed?.length) return []
  const known = ACTION_SPECS.filter((s) => allowed.includes(s.action))
  const unknown = allowed.filter((a) => !BY_ACTION.has(a))
    .map((a): ActionSpec => ({ action: a, label: ACTION[a] ?? a, tone: 'default', fields: [NOTE] }))
  return [...known, ...unknown]
}

export function specOf(action: string): ActionSpec | undefined {
  return BY_ACTION.get(action)
}

function isRequired(f: FieldSpec, v: ActionValues): boolean {
  return typeof f.required === 'function' ? f.required(v) : !!f.required
}

function isEmpty(value: unknown): boolean {
  if (value == null) return true
  if (typeof value === 'string') return value.trim() === ''
  if (Array.isArray(value)) return value.length === 0
  if (typeof value === 'object') return !(value as { userId?: string }).userId
  return false
}

/** Problems in Chinese, per field name, before anything is sent. */
export function validateAction(spec: ActionSpec, values: ActionValues): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = []
  for (const f of spec.fields) {
    const v = values[f.name]
    if (isRequired(f, values) && isEmpty(v)) {
      problems.push({ field: f.name, message: `请填写${f.label}` })
      continue
    }
    if (typeof v === 'string' && f.max && Array.from(v).length > f.max) problems.push({ field: f.name, message: `${f.label}最多 ${f.max} 个字` })
    if (f.kind === 'departments' && Array.isArray(v) && v.length > 10) problems.push({ field: f.name, message: '一次最多召集 10 个部门' })
    if (f.kind === 'photos' && Array.isArray(v) && v.length > 9) problems.push({ field: f.name, message: '最多 9 张照片' })
    if (f.kind === 'case' && typeof v === 'string' && v.trim() && !/^[A-Za-z0-9_-]{1,64}$/.test(v.trim())) {
      problems.push({ field: f.name, message: '事件编号格式不对' })
    }
  }
  return problems
}

/** The action's body: only its own fields (empty ones left out: the API refuses unknown and blank ones), and the version acted on. */
export function actionBody(spec: ActionSpec, values: ActionValues, version: number | undefined): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  for (const f of spec.fields) {
    const v = values[f.name]
    if (isEmpty(v)) continue
    if (f.kind === 'assignee') {
      const a = v as { userId: string; name?: string }
      body.assignee = a.name ? { userId: a.userId, name: a.name } : { userId: a.userId }
    } else if (typeof v === 'string') {
      body[f.name] = v.trim()
    } else {
      body[f.name] = v
    }
  }
  if (version !== undefined) body.version = version
  return body
}
