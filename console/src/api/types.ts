/**
 * The shapes the console reads. Where docs/openapi.yaml is precise the generated schema
 * (schema.d.ts, `npm run gen:api`) is used as is; where it is loose (objects left open) the
 * fields the API really answers are added here, as the docs and the local cloud show them.
 * Types of routes that do not exist yet follow /work/notes/console-api.md (marked "contract").
 */
import type { components } from './schema'

type S = components['schemas']

export type NodeRef = S['NodeRef'] & { name?: string }
export type CaseStatus = S['Case']['status']
export type Role = S['Role']

export interface Me {
  userId: string
  displayName?: string
  roles: Role[]
  scope: string[]
  grants?: { role: Role; node?: string }[]
}

export interface CaseTask {
  department: string
  departmentName?: string
  status: 'SUMMONED' | 'CHECKED_IN' | 'DONE'
  summonedAt?: string
  deadline?: string | null
  result?: string | null
}

export type Case = S['Case'] & {
  location?: { lat: number; lng: number; datum: 'WGS84' | 'GCJ02' } | null
  reportIds?: string[]
  escalations?: number
  overdueFlagged?: boolean
  tasks?: CaseTask[]
  result?: { text: string; evidence?: string[]; resolvedAt?: string } | null
  verdict?: unknown
  closure?: string | null
  mergedInto?: string | null
  /** Where the first report came from (GET /cases and every case view; absent on older cases). */
  source?: string
}

export interface Page<T> {
  items: T[]
  nextCursor?: string | null
}

export type AuditEntry = S['AuditEntry'] & {
  deadlineBefore?: string | null
  deadlineAfter?: string | null
  tierBefore?: string
  assigneeId?: string
  details?: Record<string, unknown>
}

export interface Report {
  reportId: string
  status: string
  category: string
  categoryName?: string
  description?: string
  location?: { lat: number; lng: number; datum: string; buildingCode?: string }
  photoKeys?: string[]
  contact?: { name?: string; phone?: string | null } | null
  anonymousToPublic?: boolean
  source?: string
  receivedAt: string
}

/** contract: POST /cases/{caseId}/contact-reveals */
export interface ContactReveal {
  revealId: string
  caseId: string
  reportId: string
  contact: { name?: string; phone?: string | null }
  revealedAt: string
}

export type DepartmentTask = S['DepartmentTask'] & { departmentName?: string; caseStatus?: string; summonedAt?: string }
export type Notification = S['Notification'] & { body?: string; community?: string; cycleId?: string }
export type KpiRow = S['KpiRow']
export type KpiRanking = S['KpiRanking']
export type KpiYear = S['KpiYear']
export type KpiRates = KpiRow['rates']
export type KpiCounts = KpiRow['counts']

export interface TerritoryNode {
  code: string
  name: string
  level: 'CITY' | 'DISTRICT' | 'STREET' | 'COMMUNITY' | 'GRID' | 'MICRO_GRID' | 'COMPOUND'
  kind?: string
  parent?: string | null
  path: string[]
  mapVersion?: number
  /** With ?geometry=true: the node's boundary (GeoJSON Polygon or MultiPolygon), absent when it has none. */
  boundary?: GeoJsonGeometry | null
  children?: TerritoryNode[]
}

export type GeoJsonGeometry =
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] }

export interface TerritoryLocation {
  mapVersion: number
  method: 'BUILDING' | 'POINT' | 'NONE'
  grid?: NodeRef | null
  microGrid?: NodeRef | null
  path?: string[]
  worker?: { userId: string; name?: string; phone?: string; rule?: string } | null
  microGridLeader?: { userId: string; name?: string; phone?: string } | null
}

export interface MapVersion {
  version: number
  state: 'WRITING' | 'PUBLISHED'
  current: boolean
  note?: string
  rootCode?: string
  cellPrecision?: number
  createdAt?: string
  publishedAt?: string
}

export interface ImportProblem {
  source: 'territory' | 'buildings' | 'rosters' | string
  index?: number
  code?: string
  problem: string
  field?: string
  message: string
}

export interface ImportProgress {
  phase: string
  step: number
  steps: number
  done: number
  total: number
  unit?: string
  ratePerSecond?: number
  etaSeconds?: number | null
  line?: string
}

export interface ImportJob {
  jobId: string
  state: 'OPEN' | 'QUEUED' | 'RUNNING' | 'PUBLISHED' | 'REFUSED' | 'FAILED' | string
  datum?: string
  cellPrecision?: number
  note?: string
  parts?: { territory: number; buildings: number; rosters: number }
  attempt?: number
  progress?: ImportProgress | null
  problemCount?: number
  problemCounts?: Record<string, number>
  problems?: ImportProblem[]
  mapVersion?: number | null
  summary?: Record<string, unknown>
  createdAt?: string
}

/** contract: GET /territory/nodes/{code}/roster */
export interface RosterEntry {
  userId: string
  name?: string
  phone?: string
  role: 'GRID_WORKER' | 'MICRO_GRID_LEADER' | 'DISPATCHER'
  duty: 'ON_DUTY' | 'BACKUP' | 'ON_LEAVE'
}

export interface Roster {
  node: string
  nodeName?: string
  items: RosterEntry[]
  version?: number
}

/** contract: GET /territory/departments */
export interface Department {
  code: string
  name: string
  kind: string
  seat?: string
}

export interface Membership {
  memberId: string
  community?: NodeRef
  name?: string
  phone?: string
  skills?: string[]
  availability?: string
  partyOrganisation?: string
  status: 'PENDING' | 'APPROVED' | 'DECLINED'
  registeredAt?: string
  decidedAt?: string
  reason?: string
  ratings?: { count: number; average: number | null }
}

export interface Wish {
  wishId: string
  community?: NodeRef
  state: 'PENDING_REVIEW' | 'DECLINED' | 'PUBLISHED' | 'CLAIMED' | 'COMPLETED' | 'FULFILLED' | string
  title: string
  detail?: string
  wantedBy?: string
  place?: string
  photoKeys?: string[]
  contact?: { name?: string; phone?: string }
  claimant?: { memberId: string; name?: string }
  offeredTo?: string
  deadline?: string
  createdAt?: string
  history?: { action: string; by?: string; at: string; reason?: string }[]
  version?: number
}

export interface ServiceLog {
  logId: string
  community?: NodeRef
  type: string
  typeName?: string
  start?: string
  end?: string
  minutes: number
  status: 'PENDING' | 'VERIFIED' | 'REJECTED'
  member?: { memberId: string; name?: string }
  beneficiaryId?: string
  wishId?: string
  description?: string
  evidencePhotoKeys?: string[]
  createdAt?: string
  points?: number
}

export interface GradeRow {
  memberId: string
  name?: string
  grade: 'EXCELLENT' | 'QUALIFIED' | 'BASICALLY_QUALIFIED' | 'UNQUALIFIED'
  gradeLabel?: string
  total: number
  adjusted?: boolean
  adjustment?: { grade: string; reason: string; by?: string; at?: string }
  points?: number
  computedGrade?: string
  parts?: { points: number; assessment: number; assessmentMissing?: boolean; residents: number; residentRatings?: number; beneficiaries: number; beneficiaryRatings?: number }
}

export interface GradeSheet {
  community: string
  year: number
  state: 'DRAFT' | 'PUBLISHED'
  computedAt?: string
  publishedAt?: string
  items: GradeRow[]
}

export interface Star {
  community?: string
  month?: string
  final: boolean
  star: { memberId: string; name?: string; points: number; verifiedMinutes?: number } | null
}

export interface Leaderboard {
  community: string
  period: string
  items: { rank: number; memberId: string; name?: string; points: number }[]
}

export type MonthlySummary = S['MonthlySummary']

export type AdminAccount = S['AdminAccount']
export type GrantOutcome = S['GrantOutcome']

/** contract: GET /admin/users */
export interface AccountSummary {
  userId: string
  displayName?: string
  roles: Role[]
  grants: { role: Role; node?: string }[]
}

export interface Open311Service {
  service_code: string
  service_name: string
  group?: string
  keywords?: string
}
