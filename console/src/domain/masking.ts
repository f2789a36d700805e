/**
 * Masking as the API does it (core.Masking): a name keeps its first character and one star
 * (the length is not leaked), a phone its prefix and last four. The console masks what it shows
 * by default even when the API sent it whole to handling staff: the whole contact is shown only
 * after a recorded "show" (查看) action.
 */
export function maskName(name: string | null | undefined): string {
  if (!name) return ''
  const chars = Array.from(name.trim())
  if (chars.length === 0) return ''
  return chars[0] + '*'
}

export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return ''
  const p = phone.trim()
  if (isMasked(p)) return p
  const digits = p.replace(/\D/g, '')
  if (digits.length < 7) return '*'.repeat(Math.max(digits.length, 4))
  const last4 = digits.slice(-4)
  // Mobiles: 138****1234; landlines keep their area code: 0353-****0010.
  if (/^1\d{10}$/.test(digits)) return digits.slice(0, 3) + '****' + last4
  const area = p.match(/^(0\d{2,3})[-\s]?/)
  return (area ? area[1] + '-' : '') + '****' + last4
}

export function isMasked(value: string | null | undefined): boolean {
  return !!value && value.includes('*')
}

/** Phone numbers (also typed with spaces or dashes) and ID-card numbers inside free text. */
export function maskText(text: string | null | undefined): string {
  if (!text) return ''
  return text
    .replace(/\b\d{17}[\dXx]\b/g, (m) => m.slice(0, 4) + '**********' + m.slice(-4))
    .replace(/1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}/g, (m) => maskPhone(m.replace(/[\s-]/g, '')))
}
