/**
 * A territory import cut into parts the API takes (docs/territory.md): GeoJSON features in
 * FeatureCollections of about 3 MB (the API's limit is 4 MB a part), CSVs cut at record ends
 * (never inside a quoted field), each part repeating the header line, at most 1,000,000
 * characters - as the CLI does.
 */
export interface Part {
  partId: string
  body: unknown
  bytes: number
}

const encoder = new TextEncoder()
const utf8 = (s: string) => encoder.encode(s).length

export interface ParsedGeoJson {
  features: { type: 'Feature'; properties?: Record<string, unknown> | null; geometry: unknown }[]
}

/** The file as a FeatureCollection, or a sentence in Chinese saying why not. */
export function parseGeoJson(text: string): ParsedGeoJson | string {
  let json: unknown
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (e) {
    return `不是有效的 JSON：${(e as Error).message}`
  }
  const o = json as { type?: unknown; features?: unknown }
  if (!o || o.type !== 'FeatureCollection' || !Array.isArray(o.features)) return '不是 GeoJSON FeatureCollection（须有 "features" 数组）'
  return { features: o.features as ParsedGeoJson['features'] }
}

const number4 = (n: number) => String(n).padStart(4, '0')

export function territoryParts(g: ParsedGeoJson, maxBytes = 3_000_000): Part[] {
  const parts: Part[] = []
  let chunk: string[] = []
  let size = 0
  const flush = () => {
    const text = `{"type":"FeatureCollection","features":[${chunk.join(',')}]}`
    parts.push({ partId: `territory-${number4(parts.length + 1)}`, body: JSON.parse(text), bytes: utf8(text) })
    chunk = []
    size = 0
  }
  for (const f of g.features) {
    const s = JSON.stringify(f)
    const b = utf8(s)
    if (chunk.length && size + b + 1 > maxBytes) flush()
    chunk.push(s)
    size += b + 1
  }
  if (chunk.length || parts.length === 0) flush()
  return parts
}

/** Records of a CSV text: a line break inside quotes belongs to the field. */
export function csvRecords(text: string): string[] {
  const records: string[] = []
  let start = 0
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '"') quoted = !quoted
    else if (c === '\n' && !quoted) {
      records.push(text.slice(start, i).replace(/\r$/, ''))
      start = i + 1
    }
  }
  if (start < text.length) records.push(text.slice(start).replace(/\r$/, ''))
  return records.filter((r) => r.length > 0)
}

export function csvParts(kind: 'buildings' | 'rosters', text: string, maxChars = 1_000_000, maxBytes = 3_000_000): Part[] {
  const records = csvRecords(text)
  if (records.length === 0) return []
  const [header, ...rows] = records
  const parts: Part[] = []
  let body = header + '\n'
  let bytes = utf8(body)
  const headerBytes = bytes
  const flush = () => {
    parts.push({ partId: `${kind}-${number4(parts.length + 1)}`, body: { csv: body }, bytes })
    body = header + '\n'
    bytes = headerBytes
  }
  for (const r of rows) {
    const line = r + '\n'
    const b = utf8(line)
    if (bytes > headerBytes && (bytes + b > maxBytes || body.length + line.length > maxChars)) flush()
    body += line
    bytes += b
  }
  if (bytes > headerBytes || parts.length === 0) flush()
  return parts
}

/** Overall progress of a job in 0..100: its phase (step of steps) and the count within it. */
export function jobPercent(p: { step: number; steps: number; done: number; total: number } | null | undefined, state: string): number {
  if (state === 'PUBLISHED' || state === 'REFUSED') return 100
  if (!p || !p.steps) return 0
  const within = p.total > 0 ? Math.min(p.done / p.total, 1) : 0
  return Math.round(((p.step - 1 + within) / p.steps) * 100)
}
