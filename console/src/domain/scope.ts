/**
 * What each grant puts in front of the user: whose dispatch queue, which overdue lists, which KPI
 * units. The API checks every call again (worksFor / covers); this only chooses what to ask for.
 */
import { TIER } from './labels'

export interface Grant {
  role: string
  node?: string
}

export interface Target {
  node: string
  level?: string
  title: string
}

/** Overdue lists a supervisor reads (docs/workflow.md: the street for its communities' cases, the district for streets, departments and itself). */
const SUPERVISES: Record<string, string[]> = {
  COMMUNITY_STAFF: ['COMMUNITY'],
  STREET_STAFF: ['COMMUNITY', 'STREET'],
  DISTRICT_STAFF: ['STREET', 'DEPARTMENT', 'DISTRICT'],
  DEPARTMENT_STAFF: ['DEPARTMENT'],
  ADMIN: ['STREET', 'DEPARTMENT', 'DISTRICT'],
}

const QUEUE_ROLES = ['COMMUNITY_STAFF', 'STREET_STAFF', 'DISTRICT_STAFF', 'DEPARTMENT_STAFF']

function nodesOf(grants: Grant[], roles: string[], root: string | null): { role: string; node: string }[] {
  const out: { role: string; node: string }[] = []
  for (const g of grants) {
    if (!roles.includes(g.role)) continue
    if (g.role === 'ADMIN') {
      if (root) out.push({ role: g.role, node: root })
    } else if (g.node) out.push({ role: g.role, node: g.node })
  }
  return out
}

export function overdueTargets(grants: Grant[], root: string | null): Target[] {
  const seen = new Set<string>()
  const out: Target[] = []
  for (const { role, node } of nodesOf(grants, Object.keys(SUPERVISES), root)) {
    for (const level of SUPERVISES[role]) {
      const key = node + '|' + level
      if (seen.has(key)) continue
      seen.add(key)
      out.push({ node, level, title: `${node} · ${TIER[level]}级超期` })
    }
  }
  return out
}

export function queueTargets(grants: Grant[], root: string | null): Target[] {
  const seen = new Set<string>()
  return nodesOf(grants, [...QUEUE_ROLES, 'ADMIN'], root)
    .filter(({ node }) => !seen.has(node) && !!seen.add(node))
    .map(({ role, node }) => ({ node, title: role === 'DEPARTMENT_STAFF' ? `${node} 部门待办` : `${node} 待派遣` }))
}

export function departmentTargets(grants: Grant[]): Target[] {
  return grants.filter((g) => g.role === 'DEPARTMENT_STAFF' && g.node).map((g) => ({ node: g.node!, title: `${g.node} 吹哨任务` }))
}

/** KPI units the user starts from: his own nodes (a department code for department staff); admins: the map's root. */
export function kpiUnits(grants: Grant[], root: string | null): string[] {
  const units = new Set<string>()
  for (const g of grants) {
    if (g.role === 'ADMIN') {
      if (root) units.add(root)
    } else if (g.node && g.role !== 'RESIDENT' && g.role !== 'VOLUNTEER') units.add(g.node)
  }
  return [...units]
}
