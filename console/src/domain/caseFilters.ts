import type { Query } from '../api/client'

/** The case register's filters (事件台账), as the form holds them. */
export interface CaseFilters {
  status: string[]
  category: string
  matterType: string
  source: string
  /** A territory node (street, community, grid) or a department code. */
  unit: string
  /** YYYY-MM-DD, Asia/Shanghai days, inclusive. */
  openedFrom: string
  openedTo: string
  overdue: boolean
  phoneLast4: string
  caseId: string
}

export function emptyFilters(): CaseFilters {
  return { status: [], category: '', matterType: '', source: '', unit: '', openedFrom: '', openedTo: '', overdue: false, phoneLast4: '', caseId: '' }
}

export interface FilterProblem {
  field: keyof CaseFilters
  message: string
}

const DAY = /^\d{4}-\d{2}-\d{2}$/
const CASE_ID = /^[A-Za-z0-9_-]{1,64}$/

/** What the filters would send, or the problems that keep them from being sent (in Chinese, per field). */
export function validateFilters(f: CaseFilters): FilterProblem[] {
  const problems: FilterProblem[] = []
  if (f.phoneLast4 && !/^\d{4}$/.test(f.phoneLast4.trim())) problems.push({ field: 'phoneLast4', message: '请输入手机号的后 4 位数字' })
  if (f.openedFrom && !DAY.test(f.openedFrom)) problems.push({ field: 'openedFrom', message: '日期格式应为 年-月-日' })
  if (f.openedTo && !DAY.test(f.openedTo)) problems.push({ field: 'openedTo', message: '日期格式应为 年-月-日' })
  if (f.openedFrom && f.openedTo && DAY.test(f.openedFrom) && DAY.test(f.openedTo) && f.openedFrom > f.openedTo) {
    problems.push({ field: 'openedTo', message: '截止日期不能早于起始日期' })
  }
  if (f.caseId && !CASE_ID.test(f.caseId.trim())) problems.push({ field: 'caseId', message: '事件编号只含字母、数字、下划线和连字符' })
  return problems
}

/**
 * GET /cases query parameters (contract, /work/notes/console-api.md): only what is set, statuses
 * comma-separated, overdue only when asked for; limit and cursor for the server's paging.
 */
export function caseQuery(f: CaseFilters, limit: number, cursor?: string | null): Query {
  return {
    status: f.status.length ? [...f.status].sort().join(',') : undefined,
    category: f.category || undefined,
    matterType: f.matterType || undefined,
    source: f.source || undefined,
    unit: f.unit.trim() || undefined,
    openedFrom: f.openedFrom || undefined,
    openedTo: f.openedTo || undefined,
    overdue: f.overdue ? 'true' : undefined,
    phoneLast4: f.phoneLast4.trim() || undefined,
    caseId: f.caseId.trim() || undefined,
    limit,
    cursor: cursor || undefined,
  }
}

/**
 * The filters as the page's address keeps them (shareable, back button) - without the phone digits:
 * an address lands in the browser's history, and no personal data is kept in the browser.
 */
export function filtersToRoute(f: CaseFilters): Record<string, string> {
  const out: Record<string, string> = {}
  if (f.status.length) out.status = [...f.status].sort().join(',')
  for (const k of ['category', 'matterType', 'source', 'unit', 'openedFrom', 'openedTo', 'caseId'] as const) {
    if (f[k].trim()) out[k] = f[k].trim()
  }
  if (f.overdue) out.overdue = '1'
  return out
}

export function filtersFromRoute(q: Record<string, unknown>): CaseFilters {
  const s = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '')
  const f = emptyFilters()
  f.status = s(q.status).split(',').filter(Boolean)
  f.category = s(q.category)
  f.matterType = s(q.matterType)
  f.source = s(q.source)
  f.unit = s(q.unit)
  f.openedFrom = DAY.test(s(q.openedFrom)) ? s(q.openedFrom) : ''
  f.openedTo = DAY.test(s(q.openedTo)) ? s(q.openedTo) : ''
  f.overdue = s(q.overdue) === '1' || s(q.overdue) === 'true'
  f.caseId = s(q.caseId)
  return f
}
