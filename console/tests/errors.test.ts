import { describe, expect, it } from 'vitest'
import { ApiError, errorText, fieldLabel, fieldMessage, renderError } from '../src/api/errors'

describe('the error format in Chinese', () => {
  const validation = ApiError.fromBody(400, {
    error: {
      code: 'VALIDATION_FAILED', message: 'The request is invalid: 3 field(s) need attention.', requestId: 'Jq3V',
      fields: [
        { field: 'location.lat', message: 'must be between -90 and 90' },
        { field: 'colour', message: 'is not a known field' },
        { field: 'departments[1]', message: 'is not a known department' },
      ],
    },
  })

  it('names every field in Chinese with its message', () => {
    const r = renderError(validation)
    expect(r.title).toBe('提交的内容有 3 处需要修改')
    expect(r.fields).toEqual([
      { field: 'location.lat', label: '纬度', message: '须在 -90 到 90 之间' },
      { field: 'colour', label: 'colour', message: '不是可识别的字段' },
      { field: 'departments[1]', label: '职能部门（第 2 项）', message: 'is not a known department' },
    ])
    expect(r.requestId).toBe('Jq3V')
  })

  it('gives every documented code a Chinese headline', () => {
    for (const [code, status] of [['FORBIDDEN', 403], ['NOT_FOUND', 404], ['VERSION_CONFLICT', 409], ['TOO_MANY_REQUESTS', 429],
      ['STORE_UNAVAILABLE', 503], ['ALREADY_CLAIMED', 409], ['GRADES_PUBLISHED', 409], ['INTERNAL', 500]] as const) {
      const t = renderError(ApiError.fromBody(status, { error: { code, message: 'm', fields: [] } })).title
      expect(t, code).toMatch(/[\u4e00-\u9fff]/)
      expect(t, code).not.toContain(code)
    }
    expect(renderError(ApiError.fromBody(502, { error: { code: 'WECHAT_SUBSCRIBE_REFUSED', message: 'm', fields: [] } })).title).toBe('微信服务暂时不可用，请稍后再试')
  })

  it('says how long to wait on 429 and keeps the server\'s sentence', () => {
    const e = ApiError.fromBody(429, { error: { code: 'TOO_MANY_REQUESTS', message: 'Slow down', fields: [] } }, '30')
    expect(renderError(e)).toMatchObject({ title: '操作过于频繁，请稍后再试（约 30 秒后）', detail: 'Slow down' })
  })

  it('an unknown code still reads as a failure, with the code for support', () => {
    expect(renderError(ApiError.fromBody(409, { error: { code: 'SOMETHING_NEW', message: 'm', fields: [] } })).title).toBe('操作失败（SOMETHING_NEW）')
  })

  it('a body that is not the error format gets a code from its status', () => {
    expect(ApiError.fromBody(401, { message: 'Unauthorized' }).code).toBe('UNAUTHENTICATED')
    expect(ApiError.fromBody(504, '<html>').code).toBe('INTERNAL')
  })

  it('one line for a toast', () => {
    expect(errorText(validation)).toBe('提交的内容有 3 处需要修改：纬度：须在 -90 到 90 之间；colour：不是可识别的字段；职能部门（第 2 项）：is not a known department')
    expect(errorText(new Error('boom'))).toBe('操作失败')
  })

  it('translates the wordings it knows and keeps the others', () => {
    expect(fieldMessage('is required')).toBe('必填')
    expect(fieldMessage('must be at most 2000 characters')).toBe('最多 2000 个字')
    expect(fieldMessage('must be a whole number from 1 to 100')).toBe('须为 1 到 100 的整数')
    expect(fieldMessage('overlaps your service log log_1 (09:00–11:30)')).toBe('overlaps your service log log_1 (09:00–11:30)')
    expect(fieldLabel('contact.phone')).toBe('联系电话')
    expect(fieldLabel('assignee.userId')).toBe('处置人')
    expect(fieldLabel('edits.title')).toBe('标题')
  })
})
