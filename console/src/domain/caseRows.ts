import type { Case } from '../api/types'
import type { Column } from './kpi'
import { ASSIGN_RULE, CASE_STATUS, MATTER_TYPE, SOURCE, TIER, label } from './labels'
import { dateTime, deadlineText } from './time'

/** The register's columns as exported: ids, codes and staff names - no resident's contact. */
export const CASE_COLUMNS: Column[] = [
  { key: 'caseId', header: '事件编号', width: 34 },
  { key: 'status', header: '状态', width: 10 },
  { key: 'category', header: '类别', width: 12 },
  { key: 'matterType', header: '事项类型', width: 8 },
  { key: 'source', header: '来源', width: 12 },
  { key: 'emergency', header: '紧急', width: 6 },
  { key: 'grid', header: '网格', width: 20 },
  { key: 'tier', header: '当前层级', width: 10 },
  { key: 'tierNode', header: '承办单位', width: 12 },
  { key: 'assignee', header: '处置人', width: 12 },
  { key: 'rule', header: '派遣方式', width: 16 },
  { key: 'createdAt', header: '受理时间', width: 18 },
  { key: 'deadline', header: '当前时限', width: 18 },
  { key: 'overdue', header: '超期', width: 6 },
  { key: 'reworkCount', header: '返工次数', width: 8, format: 'number' },
  { key: 'closedAt', header: '办结时间', width: 18 },
]

export function caseRecord(c: Case, now = Date.now()): Record<string, string | number | null> {
  const d = deadlineText(c.deadline, now)
  return {
    caseId: c.caseId,
    status: label(CASE_STATUS, c.status),
    category: c.categoryName ?? c.category,
    matterType: label(MATTER_TYPE, c.matterType),
    source: c.source ? label(SOURCE, c.source) : '',
    emergency: c.emergency ? '是' : '否',
    grid: c.grid?.name ?? c.grid?.code ?? '（无网格）',
    tier: label(TIER, c.tier),
    tierNode: c.tierNode,
    assignee: c.assignee?.name ?? '',
    rule: c.assignee ? label(ASSIGN_RULE, c.assignee.rule) : '',
    createdAt: dateTime(c.createdAt),
    deadline: c.deadline ? dateTime(c.deadline) : '',
    overdue: d?.overdue || c.overdueFlagged ? '是' : '否',
    reworkCount: c.reworkCount ?? 0,
    closedAt: c.closedAt ? dateTime(c.closedAt) : '',
  }
}
