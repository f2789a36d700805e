import { describe, expect, it } from 'vitest'
import { currentMonth, kpiColumns, percent, previousMonth, score, toCsv } from '../src/domain/kpi'

describe('KPI display and CSV', () => {
  it('rates as percentages; an undefined rate (no denominator) as a dash', () => {
    expect(percent(0.8267)).toBe('82.67%')
    expect(percent(1)).toBe('100.00%')
    expect(percent(0.5, 0)).toBe('50%')
    expect(percent(null)).toBe('—')
    expect(score(63.5333)).toBe('63.53')
    expect(score(null)).toBe('—')
  })

  it('months in Asia/Shanghai', () => {
    expect(previousMonth('2026-01')).toBe('2025-12')
    expect(previousMonth('2026-11')).toBe('2026-10')
    // 2026-11-30 17:00 UTC is already 1 December in Shanghai.
    expect(currentMonth(new Date(Date.UTC(2026, 10, 30, 17, 0)))).toBe('2026-12')
  })

  it('CSV as Excel opens it: BOM, CRLF, quoting, formulas defused, rates as percentages', () => {
    const cols = [{ key: 'name', header: '单位名称' }, { key: 'r', header: '响应率', format: 'percent' as const }]
    const csv = toCsv(cols, [{ name: '西城街道, "老城"', r: 0.5 }, { name: '=cmd|x', r: null }])
    expect(csv).toBe('\uFEFF单位名称,响应率\r\n"西城街道, ""老城""",50.00%\r\n\'=cmd|x,\r\n')
  })

  it('the export columns carry every counter and rate with Chinese headers', () => {
    const headers = kpiColumns(true, true).map((c) => c.header)
    expect(headers.slice(0, 5)).toEqual(['排名', '单位编码', '单位名称', '层级', '月份'])
    expect(headers).toContain('按时响应')
    expect(headers).toContain('满意率')
    expect(headers.at(-1)).toBe('综合得分')
    expect(headers).toHaveLength(5 + 17 + 6 + 1)
  })
})
