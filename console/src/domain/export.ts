/**
 * Exports: the filtered case register (paging through the server's list), rankings and trends
 * to .xlsx. exceljs is loaded only when someone exports (it is larger than the whole initial bundle).
 */
import type { Page } from '../api/types'
import type { Column } from './kpi'

export interface CollectOptions {
  /** Stop after this many rows (the export says so). */
  max: number
  onProgress?: (rows: number) => void
  signal?: AbortSignal
}

/** Follows nextCursor from the first page until the end or `max` rows. */
export async function collectPages<T>(fetchPage: (cursor: string | null) => Promise<Page<T>>, opts: CollectOptions): Promise<{ rows: T[]; truncated: boolean }> {
  const rows: T[] = []
  let cursor: string | null = null
  const seen = new Set<string>()
  for (;;) {
    if (opts.signal?.aborted) throw new DOMException('export cancelled', 'AbortError')
    const page: Page<T> = await fetchPage(cursor)
    for (const item of page.items) {
      if (rows.length >= opts.max) return { rows, truncated: true }
      rows.push(item)
    }
    opts.onProgress?.(rows.length)
    const next = page.nextCursor ?? null
    // A cursor seen before would loop for ever: stop rather than hang the browser.
    if (!next || seen.has(next)) return { rows, truncated: false }
    if (rows.length >= opts.max) return { rows, truncated: true }
    seen.add(next)
    cursor = next
  }
}

/** A workbook with one sheet: bold frozen header, column widths, percentages as numbers formatted 0.00%. */
export async function xlsxBlob(sheetName: string, columns: Column[], records: Record<string, unknown>[], title?: string): Promise<Blob> {
  const ExcelJS = (await import('exceljs')).default
  const wb = new ExcelJS.Workbook()
  wb.creator = '邻里工作台'
  wb.created = new Date()
  const ws = wb.addWorksheet(sheetName.slice(0, 31))
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 14 }))
  for (const r of records) {
    const row: Record<string, unknown> = {}
    for (const c of columns) {
      const v = r[c.key]
      // Text that Excel would run as a formula is kept as text.
      row[c.key] = typeof v === 'string' && /^[=+\-@]/.test(v) ? "'" + v : v ?? null
    }
    ws.addRow(row)
  }
  columns.forEach((c, i) => {
    if (c.format === 'percent') ws.getColumn(i + 1).numFmt = '0.00%'
  })
  ws.getRow(1).font = { bold: true }
  ws.views = [{ state: 'frozen', ySplit: 1 }]
  if (title) wb.title = title
  const buffer = await wb.xlsx.writeBuffer()
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
}

export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
