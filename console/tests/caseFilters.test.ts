import { describe, expect, it } from 'vitest'
import { caseQuery, emptyFilters, filtersFromRoute, filtersToRoute, validateFilters } from '../src/domain/caseFilters'
import { queryString } from '../src/api/client'

describe('register filters → GET /cases query', () => {
  it('sends only what is set, statuses sorted and comma-separated, with the page', () => {
    const f = { ...emptyFilters(), status: ['UNASSIGNED', 'ESCALATED'], category: 'noise', unit: ' DEMO-W1 ', overdue: true, phoneLast4: '1234' }
    expect(queryString(caseQuery(f, 50, 'c2'))).toBe('?status=ESCALATED%2CUNASSIGNED&category=noise&unit=DEMO-W1&overdue=true&phoneLast4=1234&limit=50&cursor=c2')
    expect(queryString(caseQuery(emptyFilters(), 50))).toBe('?limit=50')
  })

  it('passes every filter of the contract', () => {
    const f = { status: ['CLOSED'], category: 'leak', matterType: 'PERSONAL', source: 'HOTLINE_12345', unit: 'DEMO-W', openedFrom: '2026-11-01',
      openedTo: '2026-11-30', overdue: false, phoneLast4: '0000', caseId: 'case_1' }
    expect(Object.keys(caseQuery(f, 10)).filter((k) => caseQuery(f, 10)[k] !== undefined).sort())
      .toEqual(['caseId', 'category', 'limit', 'matterType', 'openedFrom', 'openedTo', 'phoneLast4', 'source', 'status', 'unit'])
  })

  it('refuses what the API would refuse, in Chinese, per field', () => {
    expect(validateFilters({ ...emptyFilters(), phoneLast4: '12a4' })).toEqual([{ field: 'phoneLast4', message: '请输入手机号的后 4 位数字' }])
    expect(validateFilters({ ...emptyFilters(), openedFrom: '2026-11-30', openedTo: '2026-11-01' })).toEqual([{ field: 'openedTo', message: '截止日期不能早于起始日期' }])
    expect(validateFilters({ ...emptyFilters(), caseId: 'case 1; drop' })).toHaveLength(1)
    expect(validateFilters({ ...emptyFilters(), phoneLast4: '1234', caseId: 'case_01ABC' })).toEqual([])
  })

  it('keeps the filters in the address - but never the phone digits', () => {
    const f = { ...emptyFilters(), status: ['REWORK'], unit: 'DEMO-W1', overdue: true, phoneLast4: '1234', openedFrom: '2026-11-01' }
    const route = filtersToRoute(f)
    expect(route).toEqual({ status: 'REWORK', unit: 'DEMO-W1', openedFrom: '2026-11-01', overdue: '1' })
    expect(JSON.stringify(route)).not.toContain('1234')
    expect(filtersFromRoute(route)).toEqual({ ...f, phoneLast4: '' })
    expect(filtersFromRoute({ openedFrom: 'yesterday', status: ['A,B'] })).toMatchObject({ openedFrom: '', status: ['A', 'B'] })
  })
})
