import { describe, expect, it, vi } from 'vitest'
import ExcelJS from 'exceljs'
import { collectPages, xlsxBlob } from '../src/domain/export'
import { CASE_COLUMNS, caseRecord } from '../src/domain/caseRows'
import { kpiColumns, kpiRecord } from '../src/domain/kpi'
import type { Case, KpiRow } from '../src/api/types'

function pages(n: number, size: number) {
  return vi.fn(async (cursor: string | null) => {
    const i = cursor ? Number(cursor.slice(1)) : 0
    return { items: Array.from({ length: size }, (_, k) => `p${i}-${k}`), nextCursor: i + 1 < n ? `c${i + 1}` : null }
  })
}

async function readBack(blob: Blob) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(await blob.arrayBuffer())
  return wb.worksheets[0]
}

describe('export of the filtered register', () => {
  it('pages through the server\'s list following nextCursor to the end', async () => {
    const fetchPage = pages(3, 100)
    const progress: number[] = []
    const { rows, truncated } = await collectPages(fetchPage, { max: 10_000, onProgress: (n) => progress.push(n) })
    expect(rows).toHaveLength(300)
    expect(truncated).toBe(false)
    expect(fetchPage.mock.calls.map((c) => c[0])).toEqual([null, 'c1', 'c2'])
    expect(progress).toEqual([100, 200, 300])
  })

  it('stops at the limit and says so', async () => {
    const fetchPage = pages(50, 100)
    const { rows, truncated } = await collectPages(fetchPage, { max: 250 })
    expect(rows).toHaveLength(250)
    expect(truncated).toBe(true)
    expect(fetchPage).toHaveBeenCalledTimes(3)
  })

  it('a cursor that comes back again ends the export instead of looping', async () => {
    const fetchPage = vi.fn(async () => ({ items: ['x'], nextCursor: 'same' }))
    const { rows } = await collectPages(fetchPage, { max: 100 })
    expect(rows).toHaveLength(2)
  })

  it('writes an .xlsx with Chinese headers and one row per case, no resident contact', async () => {
    const c = {
      caseId: 'case_1', status: 'ESCALATED', category: 'noise', categoryName: '噪音扰民', matterType: 'DEPARTMENT', emergency: false,
      grid: { code: 'DEMO-W1-G1', name: '柳园社区第1网格' }, tier: 'STREET', tierNode: 'DEMO-W', assignee: null,
      createdAt: '2026-11-23T13:31:02+08:00', deadline: '2026-11-23T15:31:02+08:00', version: 3, reworkCount: 1, closedAt: null,
    } as unknown as Case
    const now = Date.parse('2026-11-23T16:00:00+08:00')
    const ws = await readBack(await xlsxBlob('事件台账', CASE_COLUMNS, [caseRecord(c, now)]))
    expect(ws.name).toBe('事件台账')
    expect(ws.getRow(1).values).toEqual([undefined, ...CASE_COLUMNS.map((x) => x.header)])
    const row = ws.getRow(2)
    const cell = (h: string) => row.getCell(CASE_COLUMNS.findIndex((x) => x.header === h) + 1).value
    expect(cell('事件编号')).toBe('case_1')
    expect(cell('状态')).toBe('已上报')
    expect(cell('类别')).toBe('噪音扰民')
    expect(cell('网格')).toBe('柳园社区第1网格')
    expect(cell('受理时间')).toBe('2026-11-23 13:31')
    expect(cell('超期')).toBe('是')
    expect(cell('返工次数')).toBe(1)
    expect(ws.rowCount).toBe(2)
  })

  it('rates go to Excel as numbers formatted as percentages; formula-like text stays text', async () => {
    const row = {
      rank: 1, unit: { code: '=HYPERLINK("x")', name: '西城街道', level: 'STREET' }, month: '2026-11',
      counts: { received: 24, merged: 0, rejected: 0, responded: 22, respondedOnTime: 21, handled: 18, resolved: 12, closed: 14, satisfied: 10,
        basicallySatisfied: 3, dissatisfied: 2, overdue: 2, reworks: 2, escalations: 3, patrolPlanned: 24, patrolVisits: 25, patrolCredited: 22 },
      rates: { response: 0.875, resolution: 0.5, satisfaction: 0.8267, disposal: 0.75, completion: 0.5833, patrol: null }, score: 68.45,
    } as KpiRow
    const cols = kpiColumns(true, false)
    const ws = await readBack(await xlsxBlob('考核排名', cols, [kpiRecord(row)]))
    const col = (h: string) => cols.findIndex((x) => x.header === h) + 1
    expect(ws.getRow(2).getCell(col('响应率')).value).toBe(0.875)
    expect(ws.getColumn(col('响应率')).numFmt).toBe('0.00%')
    expect(ws.getRow(2).getCell(col('巡查率')).value).toBeNull()
    expect(ws.getRow(2).getCell(col('单位编码')).value).toBe('\'=HYPERLINK("x")')
    expect(ws.getRow(2).getCell(col('层级')).value).toBe('街道/乡镇')
  })
})
