/** Times as staff in China read them: Asia/Shanghai, whatever the browser's zone. */
const SH_OFFSET = 8 * 3600_000

function parts(iso: string | null | undefined): Date | null {
  if (!iso) return null
  const t = Date.parse(iso)
  return Number.isNaN(t) ? null : new Date(t + SH_OFFSET)
}

const pad = (n: number) => String(n).padStart(2, '0')

/** "2026-11-23T13:31:02+08:00" → "2026-11-23 13:31". */
export function dateTime(iso: string | null | undefined): string {
  const d = parts(iso)
  if (!d) return '—'
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

export function date(iso: string | null | undefined): string {
  return dateTime(iso).slice(0, 10)
}

/** "还剩 2 小时 5 分" / "已超期 1 天 3 小时"; null when there is no deadline. */
export function deadlineText(deadline: string | null | undefined, now = Date.now()): { text: string; overdue: boolean } | null {
  if (!deadline) return null
  const t = Date.parse(deadline)
  if (Number.isNaN(t)) return null
  const diff = t - now
  const abs = Math.abs(diff)
  const days = Math.floor(abs / 86_400_000)
  const hours = Math.floor((abs % 86_400_000) / 3_600_000)
  const minutes = Math.floor((abs % 3_600_000) / 60_000)
  const span = days > 0 ? `${days} 天 ${hours} 小时` : hours > 0 ? `${hours} 小时 ${minutes} 分` : `${minutes} 分钟`
  return diff >= 0 ? { text: `还剩 ${span}`, overdue: false } : { text: `已超期 ${span}`, overdue: true }
}

/** A W3C date-time with the +08:00 offset, for the API (e.g. a wish's new date). */
export function toShanghaiIso(d: Date): string {
  const s = new Date(d.getTime() + SH_OFFSET)
  return `${s.getUTCFullYear()}-${pad(s.getUTCMonth() + 1)}-${pad(s.getUTCDate())}T${pad(s.getUTCHours())}:${pad(s.getUTCMinutes())}:${pad(s.getUTCSeconds())}+08:00`
}
