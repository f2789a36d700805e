import type { KpiRow } from '../api/types'
import { COUNT, LEVEL, RATE } from './labels'

export const RATE_KEYS = ['response', 'resolution', 'satisfaction', 'disposal', 'completion', 'patrol'] as const
export type RateKey = (typeof RATE_KEYS)[number]
export const COUNT_KEYS = Object.keys(COUNT) as (keyof KpiRow['counts'])[]

/** 0.8267 → "82.67%"; null (no denominator: no cases, no verdicts, no plan) → "—". */
export function percent(rate: number | null | undefined, digits = 2): string {
  if (rate == null || !Number.isFinite(rate)) return '—'
  return (rate * 100).toFixed(digits) + '%'
}

export function score(s: number | null | undefined): string {
  return s == null ? '—' : s.toFixed(2)
}

/** The month before `month` (YYYY-MM). */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number)
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

/** This month in Asia/Shanghai, whatever the browser's zone. */
export function currentMonth(now = new Date()): string {
  const sh = new Date(now.getTime() + 8 * 3600_000)
  return `${sh.getUTCFullYear()}-${String(sh.getUTCMonth() + 1).padStart(2, '0')}`
}

export interface Column {
  key: string
  header: string
  width?: number
  /** 'percent' cells are stored as numbers formatted 0.00% in Excel. */
  format?: 'percent' | 'number' | 'text'
}

/** The columns of a ranking or a year of months, as exported (Chinese headers, like the API's CSV). */
export function kpiColumns(withRank: boolean, withMonth: boolean): Column[] {
  const cols: Column[] = []
  if (withRank) cols.push({ key: 'rank', header: '排名', width: 6, format: 'number' })
  cols.push({ key: 'unitCode', header: '单位编码', width: 14 }, { key: 'unitName', header: '单位名称', width: 18 }, { key: 'level', header: '层级', width: 10 })
  if (withMonth) cols.push({ key: 'month', header: '月份', width: 10 })
  for (const k of COUNT_KEYS) cols.push({ key: k, header: COUNT[k], width: 10, format: 'number' })
  for (const k of RATE_KEYS) cols.push({ key: 'rate_' + k, header: RATE[k], width: 10, format: 'percent' })
  cols.push({ key: 'score', header: '综合得分', width: 10, format: 'number' })
  return cols
}

export function kpiRecord(row: KpiRow): Record<string, string | number | null> {
  const r: Record<string, string | number | null> = {
    rank: row.rank ?? null, unitCode: row.unit.code, unitName: row.unit.name ?? '', level: row.unit.level ? LEVEL[row.unit.level] ?? row.unit.level : '',
    month: row.month, score: row.score,
  }
  for (const k of COUNT_KEYS) r[k] = row.counts[k]
  for (const k of RATE_KEYS) r['rate_' + k] = row.rates[k]
  return r
}

/** RFC 4180 CSV with a BOM (Excel reads the Chinese right), CRLF, formula-like text defused as the API's CSV does. */
export function toCsv(columns: Column[], records: Record<string, unknown>[]): string {
  const cell = (v: unknown, c: Column): string => {
    if (v == null) return ''
    let s = c.format === 'percent' && typeof v === 'number' ? percent(v) : String(v)
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = "'" + s
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s
  }
  const lines = [columns.map((c) => cell(c.header, { ...c, format: 'text' })).join(',')]
  for (const r of records) lines.push(columns.map((c) => cell(r[c.key], c)).join(','))
  return '\uFEFF' + lines.join('\r\n') + '\r\n'
}
