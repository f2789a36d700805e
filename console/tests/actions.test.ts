import { describe, expect, it } from 'vitest'
import { ACTION_SPECS, actionBody, actionsFor, specOf, validateAction } from '../src/domain/actions'

describe('allowedActions → forms', () => {
  it('offers exactly the actions the API allows, forward steps first', () => {
    const forms = actionsFor(['merge', 'add-note', 'reject', 'dispatch', 'summon', 'accept'])
    expect(forms.map((f) => f.action)).toEqual(['accept', 'dispatch', 'add-note', 'summon', 'merge', 'reject'])
    expect(actionsFor([])).toEqual([])
    expect(actionsFor(undefined)).toEqual([])
  })

  it('an action the console does not know yet still gets a form (a note)', () => {
    const [f] = actionsFor(['hand-over'])
    expect(f).toMatchObject({ action: 'hand-over', label: 'hand-over', tone: 'default' })
    expect(f.fields.map((x) => x.name)).toEqual(['note'])
  })

  it('every action of docs/api.md has a form with its fields', () => {
    const fields = Object.fromEntries(ACTION_SPECS.map((s) => [s.action, s.fields.map((f) => f.name)]))
    expect(fields).toMatchObject({
      dispatch: ['assignee', 'note'], redispatch: ['assignee', 'note'], reject: ['reason'], return: ['reason'], escalate: ['reason'],
      reopen: ['reason'], resolve: ['result', 'photoKeys', 'note'], 'complete-task': ['result', 'department', 'photoKeys', 'note'],
      summon: ['departments', 'note'], 'check-in': ['department', 'note'], verdict: ['verdict', 'comment'], callback: ['outcome', 'note'],
      close: ['note'], merge: ['into', 'note'],
    })
    for (const a of ['dispatch', 'redispatch', 'accept', 'reject', 'return', 'start', 'add-note', 'resolve', 'feed-back', 'escalate', 'summon',
      'check-in', 'complete-task', 'verdict', 'callback', 'close', 'reopen', 'merge']) expect(specOf(a), a).toBeDefined()
  })

  it('refuses in Chinese what the API would refuse', () => {
    expect(validateAction(specOf('dispatch')!, { assignee: null, note: '' })).toEqual([{ field: 'assignee', message: '请填写处置人' }])
    expect(validateAction(specOf('escalate')!, { reason: '   ' })).toEqual([{ field: 'reason', message: '请填写上报原因' }])
    expect(validateAction(specOf('summon')!, { departments: Array.from({ length: 11 }, (_, i) => 'D' + i) }))
      .toEqual([{ field: 'departments', message: '一次最多召集 10 个部门' }])
    expect(validateAction(specOf('merge')!, { into: 'case 1' })).toEqual([{ field: 'into', message: '事件编号格式不对' }])
    expect(validateAction(specOf('add-note')!, { note: 'x'.repeat(2001) })).toEqual([{ field: 'note', message: '记录内容最多 2000 个字' }])
  })

  it('a comment is required only with a dissatisfied verdict', () => {
    const verdict = specOf('verdict')!
    expect(validateAction(verdict, { verdict: 'SATISFIED', comment: '' })).toEqual([])
    expect(validateAction(verdict, { verdict: 'DISSATISFIED', comment: '' })).toEqual([{ field: 'comment', message: '请填写评价意见' }])
  })

  it('sends only the action\'s own fields, trimmed, empty ones left out, with the version acted on', () => {
    expect(actionBody(specOf('dispatch')!, { assignee: { userId: 'usr_1', name: '李强' }, note: '' }, 4))
      .toEqual({ assignee: { userId: 'usr_1', name: '李强' }, version: 4 })
    expect(actionBody(specOf('dispatch')!, { assignee: { userId: 'usr_1' } }, 4)).toEqual({ assignee: { userId: 'usr_1' }, version: 4 })
    expect(actionBody(specOf('summon')!, { departments: ['DEMO-CG', 'DEMO-PS-W'], note: ' 请到场 ', stray: 1 }, 2))
      .toEqual({ departments: ['DEMO-CG', 'DEMO-PS-W'], note: '请到场', version: 2 })
    expect(actionBody(specOf('merge')!, { into: ' case_2 ', note: '' }, undefined)).toEqual({ into: 'case_2' })
    expect(actionBody(specOf('accept')!, { note: '' }, 1)).toEqual({ version: 1 })
    expect(actionBody(specOf('callback')!, { outcome: 'UNREACHABLE', note: '无人接听' }, 7)).toEqual({ outcome: 'UNREACHABLE', note: '无人接听', version: 7 })
  })

  it('actions that end a case ask for confirmation', () => {
    expect(specOf('close')!.confirm).toBeTruthy()
    expect(specOf('reject')!.confirm).toBeTruthy()
    expect(specOf('merge')!.confirm).toBeTruthy()
    expect(specOf('accept')!.confirm).toBeUndefined()
  })
})
