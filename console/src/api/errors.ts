/**
 * Linli's one error format ({"error": {code, message, fields, requestId, details}}, docs/api.md)
 * as an exception, and its rendering in Chinese: a headline per code, each field named in Chinese
 * with its message (translated where the server's wording is known, else as sent).
 */
export interface FieldProblem {
  field: string
  message: string
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly requestId: string | null = null,
    readonly details: Record<string, unknown> | null = null,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message)
    this.name = 'ApiError'
  }

  /** From a response body in the error format; anything else (a proxy's HTML, API Gateway's bare 401) gets a code from its status. */
  static fromBody(status: number, body: unknown, retryAfter: string | null = null): ApiError {
    const retry = retryAfter != null && /^\d+$/.test(retryAfter) ? Number(retryAfter) : null
    const e = body && typeof body === 'object' ? (body as { error?: unknown }).error : undefined
    if (e && typeof e === 'object') {
      const o = e as Record<string, unknown>
      const fields = Array.isArray(o.fields)
        ? o.fields.filter((f): f is FieldProblem => !!f && typeof f === 'object' && typeof (f as FieldProblem).field === 'string')
            .map((f) => ({ field: f.field, message: String(f.message ?? '') }))
        : []
      return new ApiError(status, String(o.code ?? codeOfStatus(status)), String(o.message ?? ''), fields,
        typeof o.requestId === 'string' ? o.requestId : null,
        o.details && typeof o.details === 'object' ? (o.details as Record<string, unknown>) : null, retry)
    }
    return new ApiError(status, codeOfStatus(status), '', [], null, null, retry)
  }

  static network(cause: unknown): ApiError {
    const e = new ApiError(0, 'NETWORK', cause instanceof Error ? cause.message : String(cause))
    return e
  }
}

function codeOfStatus(status: number): string {
  switch (status) {
    case 400: return 'VALIDATION_FAILED'
    case 401: return 'UNAUTHENTICATED'
    case 403: return 'FORBIDDEN'
    case 404: return 'NOT_FOUND'
    case 405: return 'METHOD_NOT_ALLOWED'
    case 409: return 'CONFLICT'
    case 413: return 'PAYLOAD_TOO_LARGE'
    case 415: return 'UNSUPPORTED_MEDIA_TYPE'
    case 429: return 'TOO_MANY_REQUESTS'
    case 502: return 'WECHAT_FAILED'
    case 503: return 'STORE_UNAVAILABLE'
    default: return status >= 500 ? 'INTERNAL' : 'HTTP_' + status
  }
}

/** The headline of each code the API answers (docs/api.md, volunteers.md, territory.md). */
export const CODE_TEXT: Record<string, string> = {
  VALIDATION_FAILED: '提交的内容有误，请按提示修改',
  INVALID_JSON: '请求格式错误（不是有效的 JSON）',
  INVALID_ENCODING: '请求编码错误（须为 UTF-8）',
  BODY_REQUIRED: '请求缺少内容',
  UNAUTHENTICATED: '尚未登录或登录已失效，请重新登录',
  TOKEN_INVALID: '登录凭证无效，请重新登录',
  TOKEN_EXPIRED: '登录已过期，请重新登录',
  INVALID_LOGIN_CODE: '登录码无效或已使用，请重新扫码',
  REFRESH_TOKEN_INVALID: '登录已失效，请重新登录',
  FORBIDDEN: '无权执行此操作（角色或辖区不符）',
  NOT_FOUND: '未找到，或您无权查看',
  METHOD_NOT_ALLOWED: '不支持此操作',
  IDEMPOTENCY_KEY_REUSED: '重复提交的请求与之前的内容不一致，请刷新后重试',
  INVALID_TRANSITION: '事件当前状态不允许此操作，已刷新为最新状态',
  VERSION_CONFLICT: '事件刚被他人更新，已刷新为最新状态，请确认后重试',
  MERGE_TARGET_CHANGED: '合并目标事件已变化，请刷新后重试',
  IMPORT_NOT_OPEN: '导入任务已提交，不能再上传',
  MAP_VERSION_TAKEN: '地图版本号已被占用',
  ALREADY_REGISTERED: '已报到登记',
  ALREADY_DECIDED: '该报到申请已处理',
  ALREADY_CLAIMED: '该心愿已被其他党员认领',
  DISPATCHED_TO_ANOTHER: '该心愿已指派给其他党员',
  OWN_WISH: '不能认领自己的心愿',
  WRONG_STATE: '当前状态不允许此操作',
  WISH_CHANGED: '心愿刚被他人更新，请刷新后重试',
  NOT_YOUR_WISH: '不是您的心愿',
  ALREADY_VERIFIED: '该服务记录已核实',
  ALREADY_REJECTED: '该服务记录已驳回',
  NOT_VERIFIED: '服务记录尚未核实',
  ALREADY_RATED: '已评价过',
  ALREADY_APPRAISED: '今年已评议过',
  OWN_APPRAISAL: '不能评议自己',
  LOG_DAY_BUSY: '当日服务记录正被修改，请稍后重试',
  GRADES_PUBLISHED: '年度评定已公示，不能再修改',
  PAYLOAD_TOO_LARGE: '内容过大（单次最多 64 KB，地图分片最多 4 MB）',
  UNSUPPORTED_MEDIA_TYPE: '内容类型不受支持',
  TOO_MANY_REQUESTS: '操作过于频繁，请稍后再试',
  WECHAT_FAILED: '微信服务暂时不可用，请稍后再试',
  STORE_UNAVAILABLE: '服务暂时不可用，请稍后重试',
  QUEUE_UNAVAILABLE: '操作已记录，但通知未能发出；请稍后用同一操作重试',
  INTERNAL: '系统内部错误，请联系管理员并提供请求编号',
  NETWORK: '网络连接失败，请检查网络后重试',
  CONFLICT: '操作冲突，请刷新后重试',
}

/** Chinese names of the fields the API names in its refusals (the last path segment decides when the whole path is unknown). */
export const FIELD_TEXT: Record<string, string> = {
  'location.lat': '纬度', 'location.lng': '经度', 'location.datum': '坐标系', 'location.buildingCode': '楼栋编码',
  lat: '纬度', lng: '经度', datum: '坐标系', category: '事件类别', description: '问题描述', contact: '联系方式',
  'contact.name': '联系人姓名', 'contact.phone': '联系电话', phone: '联系电话', name: '姓名',
  photoKeys: '照片', evidencePhotoKeys: '佐证照片', source: '来源', note: '备注', reason: '原因', result: '处置结果',
  assignee: '处置人', 'assignee.userId': '处置人', 'assignee.name': '处置人姓名', departments: '职能部门',
  department: '职能部门', verdict: '评价', comment: '评价意见', outcome: '回访结果', into: '合并到的事件',
  version: '版本', decision: '处理决定', memberId: '党员', year: '年度', score: '分数', grade: '等级',
  month: '月份', title: '标题', detail: '详情', wantedBy: '期望完成时间', place: '地点', dispatchTo: '指派党员',
  edits: '修改内容', start: '开始时间', end: '结束时间', type: '服务类型', beneficiaryId: '服务对象', wishId: '心愿',
  community: '社区', role: '角色', nodes: '辖区节点', cellPrecision: '网格索引精度', partId: '分片',
  features: '要素', csv: 'CSV 内容', geometry: '边界', code: '编码', level: '层级', parent: '上级',
  limit: '每页条数', cursor: '翻页位置', status: '状态', unit: '单位', openedFrom: '受理起始日期',
  openedTo: '受理截止日期', phoneLast4: '手机号后四位', caseId: '事件编号', matterType: '事项类型',
  among: '排名范围', format: '格式', refreshToken: '刷新凭证', accepted: '是否完成',
}

const MESSAGE_TEXT: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^is required$|^must not be (blank|empty|null)$|^is missing$/i, () => '必填'],
  [/^is not a known field$/i, () => '不是可识别的字段'],
  [/^must be at most (\d+) characters?( long)?$/i, (m) => `最多 ${m[1]} 个字`],
  [/^must be at least (\d+) characters?( long)?$/i, (m) => `至少 ${m[1]} 个字`],
  [/^must be between (-?[\d.]+) and (-?[\d.]+)$/i, (m) => `须在 ${m[1]} 到 ${m[2]} 之间`],
  [/^must be one of (.+)$/i, (m) => `须为以下之一：${m[1]}`],
  [/^must be a (string|number|boolean|integer|object|array)$/i, (m) => `须为${({ string: '文本', number: '数字', boolean: '是/否', integer: '整数', object: '对象', array: '列表' } as Record<string, string>)[m[1].toLowerCase()]}`],
  [/^must not be in the future$/i, () => '不能晚于当前时间'],
  [/^must be a whole number from (\d+) to (\d+)$/i, (m) => `须为 ${m[1]} 到 ${m[2]} 的整数`],
  [/^must be after start$/i, () => '须晚于开始时间'],
]

export function fieldLabel(field: string): string {
  if (FIELD_TEXT[field]) return FIELD_TEXT[field]
  const bare = field.replace(/\[\d+\]/g, '')
  if (FIELD_TEXT[bare]) return FIELD_TEXT[bare] + indexSuffix(field)
  const last = bare.split('.').pop() ?? bare
  return (FIELD_TEXT[last] ?? field) + indexSuffix(field)
}

function indexSuffix(field: string): string {
  const m = field.match(/\[(\d+)\]/)
  return m ? `（第 ${Number(m[1]) + 1} 项）` : ''
}

export function fieldMessage(message: string): string {
  for (const [re, zh] of MESSAGE_TEXT) {
    const m = message.match(re)
    if (m) return zh(m)
  }
  return message
}

export interface RenderedError {
  /** The Chinese headline. */
  title: string
  /** The server's own sentence (English), kept for the record: it names ids and states. */
  detail: string
  fields: { field: string; label: string; message: string }[]
  requestId: string | null
}

export function renderError(e: unknown): RenderedError {
  if (!(e instanceof ApiError)) {
    return { title: '操作失败', detail: e instanceof Error ? e.message : String(e), fields: [], requestId: null }
  }
  let title = CODE_TEXT[e.code] ?? (e.code.startsWith('WECHAT_') ? CODE_TEXT.WECHAT_FAILED : `操作失败（${e.code}）`)
  if (e.code === 'TOO_MANY_REQUESTS' && e.retryAfterSeconds) title += `（约 ${e.retryAfterSeconds} 秒后）`
  if (e.code === 'VALIDATION_FAILED' && e.fields.length) title = `提交的内容有 ${e.fields.length} 处需要修改`
  return {
    title,
    detail: e.message,
    fields: e.fields.map((f) => ({ field: f.field, label: fieldLabel(f.field), message: fieldMessage(f.message) })),
    requestId: e.requestId,
  }
}

/** One line for a toast: the headline and the fields. */
export function errorText(e: unknown): string {
  const r = renderError(e)
  const fields = r.fields.map((f) => `${f.label}：${f.message}`).join('；')
  return fields ? `${r.title}：${fields}` : r.title
}
