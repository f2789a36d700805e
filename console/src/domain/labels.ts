/** Chinese names of the API's codes (statuses, actions, roles, levels...), from docs/workflow.md and the glossary. */

export const CASE_STATUS: Record<string, string> = {
  UNASSIGNED: '待派遣', ASSIGNED: '已派遣', ACCEPTED: '已受理', IN_PROGRESS: '处置中', COORDINATING: '部门协同',
  ESCALATED: '已上报', RESOLVED: '已处置', FED_BACK: '已反馈', REWORK: '返工', CLOSED: '已办结',
  REJECTED: '不予受理', MERGED: '已合并',
}

export const OPEN_STATUSES = ['UNASSIGNED', 'ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'COORDINATING', 'ESCALATED', 'RESOLVED', 'FED_BACK', 'REWORK']

/** Element Plus tag types by status: what needs someone now is red/orange. */
export const STATUS_TAG: Record<string, 'danger' | 'warning' | 'success' | 'info' | 'primary'> = {
  UNASSIGNED: 'danger', ESCALATED: 'danger', REWORK: 'warning', ASSIGNED: 'warning', ACCEPTED: 'primary',
  IN_PROGRESS: 'primary', COORDINATING: 'primary', RESOLVED: 'success', FED_BACK: 'success', CLOSED: 'info',
  REJECTED: 'info', MERGED: 'info',
}

export const ACTION: Record<string, string> = {
  open: '立案', join: '并入（附近重复）', dispatch: '派遣', redispatch: '改派', accept: '受理', reject: '不予受理',
  return: '退回', start: '开始处置', 'add-note': '补充记录', resolve: '处置完毕', 'feed-back': '反馈结果',
  escalate: '上报', summon: '吹哨（召集部门）', 'check-in': '部门报到', 'complete-task': '部门办结', verdict: '群众评价',
  callback: '回访', close: '结案', reopen: '重新办理', merge: '合并', 'flag-overdue': '超期督办',
  'reveal-contact': '查看联系方式',
}

export const MATTER_TYPE: Record<string, string> = { PERSONAL: '个事', COMMUNITY: '社事', DEPARTMENT: '专事', HARD: '难事' }

export const SOURCE: Record<string, string> = {
  MINI_PROGRAM: '小程序', COURIER: '快递小哥随手拍', PATROL: '网格巡查', HOTLINE_12345: '12345 热线', POLICE_110: '110 转办', OPEN311: 'Open311 接口', ASSIGNED: '上级交办', WALK_IN: '来访',
}

export const TIER: Record<string, string> = { COMMUNITY: '社区', STREET: '街道', DEPARTMENT: '职能部门', DISTRICT: '区' }

export const LEVEL: Record<string, string> = {
  CITY: '市', DISTRICT: '区/县', STREET: '街道/乡镇', COMMUNITY: '社区/村', GRID: '网格', MICRO_GRID: '微网格', COMPOUND: '小区',
}

export const ROLE: Record<string, string> = {
  RESIDENT: '居民', VOLUNTEER: '党员志愿者', GRID_WORKER: '网格员', MICRO_GRID_LEADER: '微网格长', COMMUNITY_STAFF: '社区工作人员',
  STREET_STAFF: '街道工作人员', DISTRICT_STAFF: '区工作人员', DEPARTMENT_STAFF: '职能部门', ADMIN: '系统管理员',
}

export const STAFF_ROLES = ['GRID_WORKER', 'MICRO_GRID_LEADER', 'COMMUNITY_STAFF', 'STREET_STAFF', 'DISTRICT_STAFF', 'DEPARTMENT_STAFF', 'ADMIN']

export const ASSIGN_RULE: Record<string, string> = {
  ON_DUTY: '值班网格员', BACKUP: 'AB 角（值班人请假）', COMMUNITY_DISPATCHER: '社区调度员（网格无人）', DISPATCHED: '调度指派', SELF: '本人受理',
}

export const DUTY: Record<string, string> = { ON_DUTY: '在岗', BACKUP: '备岗（AB角）', ON_LEAVE: '请假' }

export const ROSTER_ROLE: Record<string, string> = { GRID_WORKER: '网格员', MICRO_GRID_LEADER: '微网格长', DISPATCHER: '调度员' }

export const TASK_STATUS: Record<string, string> = { SUMMONED: '待报到', CHECKED_IN: '已报到', DONE: '已办结' }

export const VERDICT: Record<string, string> = {
  SATISFIED: '满意', BASICALLY_SATISFIED: '基本满意', DISSATISFIED: '不满意', UNREACHABLE: '联系不上',
}

export const CLOSURE: Record<string, string> = {
  SATISFIED: '群众满意', BASICALLY_SATISFIED: '群众基本满意', UNCONFIRMED: '逾期未评价自动结案', STAFF_CLOSED: '工作人员结案',
}

export const MEMBER_STATUS: Record<string, string> = { PENDING: '待审核', APPROVED: '已通过', DECLINED: '未通过' }

export const WISH_STATE: Record<string, string> = {
  PENDING_REVIEW: '待审核', DECLINED: '未通过', PUBLISHED: '已发布（待认领）', CLAIMED: '已认领', COMPLETED: '已完成（待确认）', FULFILLED: '已实现',
}

export const LOG_STATUS: Record<string, string> = { PENDING: '待核实', VERIFIED: '已核实', REJECTED: '已驳回' }

export const GRADE: Record<string, string> = { EXCELLENT: '优秀', QUALIFIED: '合格', BASICALLY_QUALIFIED: '基本合格', UNQUALIFIED: '不合格' }

export const IMPORT_STATE: Record<string, string> = {
  OPEN: '上传中', QUEUED: '排队中', RUNNING: '校验发布中', PUBLISHED: '已发布', REFUSED: '未通过校验', FAILED: '失败',
}

export const IMPORT_PHASE: Record<string, string> = {
  reading: '读取分片', validating: '校验', nodes: '写入节点', cells: '写入网格索引', buildings: '写入楼栋', rosters: '写入花名册', publishing: '发布',
}

export const PROBLEM: Record<string, string> = {
  INVALID_FORMAT: '格式错误', MISSING_FIELD: '缺少字段', INVALID_VALUE: '取值无效', DUPLICATE_CODE: '编码重复',
  UNKNOWN_PARENT: '上级不存在', WRONG_PARENT_LEVEL: '上级层级不符', ROOT: '根节点重复', MISSING_BOUNDARY: '缺少边界',
  COORDINATE_OUT_OF_RANGE: '坐标越界', SELF_INTERSECTION: '边界自相交', INVALID_GEOMETRY: '几何无效', OUTSIDE_PARENT: '超出上级范围',
  SIBLING_OVERLAP: '与相邻单元重叠', OUT_OF_SCOPE: '超出管辖范围', UNKNOWN_NODE: '节点不存在', WRONG_NODE_LEVEL: '节点层级不符',
  OUTSIDE_NODE: '楼栋在网格外', DUPLICATE_MEMBER: '人员重复',
}

export const RATE: Record<string, string> = {
  response: '响应率', resolution: '解决率', satisfaction: '满意率', disposal: '处置率', completion: '办结率', patrol: '巡查率',
}

export const COUNT: Record<string, string> = {
  received: '受理量', merged: '合并重复', rejected: '不予受理', responded: '已响应', respondedOnTime: '按时响应', handled: '已处置',
  resolved: '已解决', closed: '已办结', satisfied: '满意', basicallySatisfied: '基本满意', dissatisfied: '不满意', overdue: '超期件数',
  reworks: '返工次数', escalations: '上报次数', patrolPlanned: '计划巡查', patrolVisits: '巡查次数', patrolCredited: '计入巡查',
}

export const NOTIFICATION_KIND: Record<string, string> = {
  'case.assigned': '新派遣', 'case.queued': '待派遣', 'case.escalated': '上报', 'case.overdue': '超期', 'case.summoned': '吹哨报到',
  'case.taken': '已改派', 'case.rework': '返工', 'case.coordinating': '部门协同', 'case.accepted': '已受理', 'case.progress': '处置进展',
  'case.fed_back': '已反馈', 'case.closed': '已办结', 'case.rejected': '不予受理', 'case.merged': '已合并', 'case.reopened': '重新办理',
  'case.joined': '并入事件', 'cycle.contact': '月度联系', 'cycle.collect': '需求征集', 'cycle.classify': '分类审核', 'cycle.overdue': '督办提醒',
  'cycle.service_day': '服务日', 'cycle.service_day_notice': '服务日预告', 'cycle.evaluate': '评价反馈', 'cycle.summary': '月度小结',
}

export function label(table: Record<string, string>, code: string | null | undefined): string {
  if (code == null || code === '') return '—'
  return table[code] ?? code
}
