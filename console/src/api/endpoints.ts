/**
 * Every route the console calls, typed. Routes marked "contract" are specified in
 * /work/notes/console-api.md and not yet served by the backend (phase 2 of issue 17).
 */
import { ApiClient, path, type Query } from './client'
import type {
  AccountSummary, AdminAccount, AuditEntry, Case, ContactReveal, Department, DepartmentTask, GradeSheet, GrantOutcome,
  ImportJob, KpiRanking, KpiRow, KpiYear, Leaderboard, MapVersion, Me, Membership, MonthlySummary, Notification,
  Open311Service, Page, Report, Role, Roster, RosterEntry, ServiceLog, Star, TerritoryLocation, TerritoryNode, Wish,
} from './types'

export interface TokensBody {
  accessToken: string
  tokenType?: string
  expiresIn?: number
  expiresAt?: string
  refreshToken?: string
  refreshExpiresAt?: string
}

export class LinliApi {
  constructor(readonly client: ApiClient) {}

  // ---------------------------------------------------------------- identity
  me = () => this.client.get<Me>('/me')
  /** The local cloud's dev login (not a route of template.yaml; only where config.devLogin says so). */
  devLogin = (user: string) => this.client.post<{ accessToken: string; userId: string; displayName?: string }>(
    '/_local/dev-login', {}, { query: { user }, auth: false })
  devUsers = () => this.client.get<{ users: Record<string, { userId: string; name?: string; roles: Role[]; scope: string[] }> }>(
    '/_local/demo', undefined, { auth: false })
  /** The WeChat website QR sign-in (snsapi_login), matched by unionid. */
  wechatWebLogin = (code: string, state: string) => this.client.post<TokensBody>('/auth/wechat-web-login', { code, state }, { auth: false })

  // ---------------------------------------------------------------- cases
  /** The case register (事件台账): server-side filters and paging. */
  cases = (query: Query) => this.client.get<Page<Case>>('/cases', query)
  case = (caseId: string) => this.client.get<Case>(path`/cases/${caseId}`)
  audit = (caseId: string, cursor?: string | null) => this.client.get<Page<AuditEntry>>(path`/cases/${caseId}/audit`, { limit: 100, cursor })
  act = (caseId: string, action: string, body: Record<string, unknown>, idempotencyKey: string) =>
    this.client.post<Case & { event?: { eventId: string; version: number; action: string } }>(
      path`/cases/${caseId}/actions/${action}`, body, { idempotencyKey })
  report = (reportId: string) => this.client.get<Report>(path`/reports/${reportId}`)
  /** contract: a recorded "show the contact" (PIPL accountability). */
  revealContact = (caseId: string, reportId: string, reason: string, idempotencyKey: string) =>
    this.client.post<ContactReveal>(path`/cases/${caseId}/contact-reveals`, { reportId, reason }, { idempotencyKey })
  /** contract: who was shown a case's contact, when. */
  contactReveals = (caseId: string) => this.client.get<Page<{ revealId: string; reportId: string; by: string; byName?: string; reason: string; at: string }>>(
    path`/cases/${caseId}/contact-reveals`)
  myCases = (cursor?: string | null, limit = 50) => this.client.get<Page<Case>>('/me/cases', { limit, cursor })
  unassigned = (node: string, cursor?: string | null, limit = 50) => this.client.get<Page<Case>>(path`/dispatch/${node}/unassigned`, { limit, cursor })
  overdue = (node: string, level: string, cursor?: string | null, limit = 50) =>
    this.client.get<Page<Case>>(path`/supervision/${node}/overdue`, { level, limit, cursor })
  departmentTasks = (dept: string, cursor?: string | null, limit = 50) =>
    this.client.get<Page<DepartmentTask>>(path`/departments/${dept}/tasks`, { limit, cursor })

  // ---------------------------------------------------------------- notifications
  notifications = (cursor?: string | null, limit = 20) => this.client.get<Page<Notification>>('/me/notifications', { limit, cursor })
  markRead = (id: string) => this.client.post<{ notificationId: string; read: true }>(path`/me/notifications/${id}/read`, {})

  // ---------------------------------------------------------------- categories (public Open311 list)
  services = () => this.client.get<Open311Service[]>('/open311/v2/services.json', undefined, { auth: false })

  // ---------------------------------------------------------------- territory
  node = (code: string, opts: { geometry?: boolean; version?: number } = {}) =>
    this.client.get<TerritoryNode>(path`/territory/nodes/${code}`, { geometry: opts.geometry ? 'true' : undefined, version: opts.version })
  locate = (lat: number, lng: number, datum: 'GCJ02' | 'WGS84' = 'GCJ02') =>
    this.client.get<TerritoryLocation>('/territory/locate', { lat, lng, datum })
  versions = () => this.client.get<{ items: MapVersion[] }>('/territory/versions')
  startImport = (body: { note: string; datum: 'GCJ02' | 'WGS84'; cellPrecision: number }) => this.client.post<ImportJob>('/territory/imports', body)
  uploadPart = (jobId: string, partId: string, body: unknown) =>
    this.client.put<{ jobId: string; partId: string; features?: number; rows?: number; bytes?: number }>(path`/territory/imports/${jobId}/parts/${partId}`, body)
  commitImport = (jobId: string) => this.client.post<ImportJob>(path`/territory/imports/${jobId}/commit`, {})
  importJob = (jobId: string) => this.client.get<ImportJob>(path`/territory/imports/${jobId}`)
  /** contract */
  roster = (node: string) => this.client.get<Roster>(path`/territory/nodes/${node}/roster`)
  /** contract: one person's duty on a node's roster. */
  setDuty = (node: string, entry: Pick<RosterEntry, 'userId' | 'role' | 'duty'>, reason: string, version?: number) =>
    this.client.post<Roster>(path`/territory/nodes/${node}/roster/duties`, { ...entry, reason, version })
  /** contract */
  departments = () => this.client.get<{ items: Department[] }>('/territory/departments')

  // ---------------------------------------------------------------- KPIs
  kpi = (unit: string, month?: string) => this.client.get<KpiRow>(path`/kpis/${unit}`, { month })
  ranking = (unit: string, month?: string, among: 'children' | 'departments' = 'children') =>
    this.client.get<KpiRanking>(path`/kpis/${unit}/ranking`, { month, among })
  rankingCsv = (unit: string, month: string | undefined, among: 'children' | 'departments') =>
    this.client.get<string>(path`/kpis/${unit}/ranking`, { month, among, format: 'csv' }, { as: 'text' })
  months = (unit: string, year: number) => this.client.get<KpiYear>(path`/kpis/${unit}/months`, { year })

  // ---------------------------------------------------------------- volunteers
  registrations = (community: string, status: string, cursor?: string | null) =>
    this.client.get<Page<Membership>>(path`/communities/${community}/volunteers`, { status, cursor, limit: 50 })
  decide = (memberId: string, decision: 'APPROVE' | 'DECLINE', reason?: string) =>
    this.client.post<Membership>(path`/volunteers/${memberId}/decision`, { decision, reason: reason || undefined })
  wishes = (community: string, state: string, overdue: boolean, cursor?: string | null) =>
    this.client.get<Page<Wish>>(path`/communities/${community}/wishes`, { state, overdue: overdue ? 'true' : undefined, cursor, limit: 50 })
  reviewWish = (wishId: string, body: { decision: 'APPROVE' | 'DECLINE' | 'EDIT'; reason?: string; edits?: Record<string, string>; dispatchTo?: string }) =>
    this.client.post<Wish>(path`/wishes/${wishId}/review`, body)
  releaseWish = (wishId: string, reason: string, wantedBy?: string) =>
    this.client.post<Wish>(path`/wishes/${wishId}/release`, { reason, wantedBy: wantedBy || undefined })
  reassignWish = (wishId: string, memberId: string, reason: string) =>
    this.client.post<Wish>(path`/wishes/${wishId}/reassign`, { memberId, reason })
  serviceLogs = (community: string, status: string, cursor?: string | null) =>
    this.client.get<Page<ServiceLog>>(path`/communities/${community}/service-logs`, { status, cursor, limit: 50 })
  verifyLog = (logId: string, decision: 'VERIFY' | 'REJECT', reason?: string) =>
    this.client.post<ServiceLog>(path`/service-logs/${logId}/verification`, { decision, reason: reason || undefined })
  grades = (community: string, year: number) => this.client.get<GradeSheet>(path`/communities/${community}/grades/${year}`)
  computeGrades = (community: string, year: number) => this.client.post<GradeSheet>(path`/communities/${community}/grades/${year}`, {})
  adjustGrade = (community: string, year: number, memberId: string, grade: string, reason: string) =>
    this.client.post<GradeSheet>(path`/communities/${community}/grades/${year}/adjustments`, { memberId, grade, reason })
  publishGrades = (community: string, year: number) => this.client.post<GradeSheet>(path`/communities/${community}/grades/${year}/publish`, {})
  assess = (community: string, memberId: string, year: number, score: number, note?: string) =>
    this.client.post<unknown>(path`/communities/${community}/assessments`, { memberId, year, score, note: note || undefined })
  star = (community: string, month: string) => this.client.get<Star>(path`/communities/${community}/stars/${month}`)
  leaderboard = (community: string, month: string) => this.client.get<Leaderboard>(path`/communities/${community}/leaderboard`, { month })
  summaries = (community: string, cursor?: string | null) =>
    this.client.get<Page<MonthlySummary>>(path`/communities/${community}/summaries`, { cursor, limit: 12 })

  // ---------------------------------------------------------------- administration
  account = (userId: string) => this.client.get<AdminAccount>(path`/admin/users/${userId}`)
  /** contract */
  accounts = (query: Query) => this.client.get<Page<AccountSummary>>('/admin/users', query)
  grant = (userId: string, role: Role, nodes: string[], reason: string) =>
    this.client.post<GrantOutcome>(path`/admin/users/${userId}/grants`, { role, nodes: nodes.length ? nodes : undefined, reason })
  revoke = (userId: string, role: Role, nodes: string[], reason: string) =>
    this.client.post<GrantOutcome>(path`/admin/users/${userId}/revocations`, { role, nodes: nodes.length ? nodes : undefined, reason })
  /** contract: the monthly cycle's schedule of steps for a district, with each step's last run. */
  cycle = (district: string, month: string) => this.client.get<CycleMonth>(path`/cycle/${district}/${month}`)
}

/** contract: GET /cycle/{district}/{month} */
export interface CycleMonth {
  district: string
  month: string
  steps: { step: string; name: string; day: string; deadline?: string; state: 'PLANNED' | 'RUNNING' | 'DONE' | 'FAILED'; sent?: number; communities?: number; finishedAt?: string }[]
}
