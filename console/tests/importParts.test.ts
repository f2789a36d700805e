import { describe, expect, it } from 'vitest'
import { csvParts, csvRecords, jobPercent, parseGeoJson, territoryParts } from '../src/domain/importParts'

const feature = (i: number) => ({ type: 'Feature' as const, properties: { code: `G${i}`, name: `网格${i}`, level: 'GRID', parent: 'C' },
  geometry: { type: 'Polygon', coordinates: [[[113.5, 37.8], [113.51, 37.8], [113.51, 37.81], [113.5, 37.8]]] } })

describe('a territory import cut into parts', () => {
  it('reads a FeatureCollection and says in Chinese what else it is', () => {
    expect(parseGeoJson('\uFEFF{"type":"FeatureCollection","features":[]}')).toEqual({ features: [] })
    expect(parseGeoJson('{"type":"Feature"}')).toContain('FeatureCollection')
    expect(parseGeoJson('{nope')).toContain('不是有效的 JSON')
  })

  it('GeoJSON in FeatureCollections under the size, features kept in order (problems name them by index)', () => {
    const g = { features: Array.from({ length: 50 }, (_, i) => feature(i)) }
    const one = JSON.stringify(g.features[0]).length
    const parts = territoryParts(g, one * 10)
    expect(parts.length).toBeGreaterThan(4)
    expect(parts.map((p) => p.partId).slice(0, 2)).toEqual(['territory-0001', 'territory-0002'])
    const all = parts.flatMap((p) => (p.body as { features: { properties: { code: string } }[] }).features.map((f) => f.properties.code))
    expect(all).toEqual(g.features.map((f) => f.properties.code))
    for (const p of parts) expect(p.bytes).toBeLessThanOrEqual(one * 10 + 100)
    expect(territoryParts({ features: [] })).toHaveLength(1) // an empty map still makes one part the API can refuse
  })

  it('CSV records keep line breaks inside quotes', () => {
    expect(csvRecords('a,b\r\n1,"x\ny"\n2,z\n')).toEqual(['a,b', '1,"x\ny"', '2,z'])
  })

  it('CSV parts repeat the header and cut only at record ends', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `DEMO-G${i},usr_${i},"王,${i}",1390000${String(i).padStart(4, '0')},GRID_WORKER,ON_DUTY`)
    const text = 'node,userId,name,phone,role,duty\n' + rows.join('\n')
    const parts = csvParts('rosters', text, 400)
    expect(parts.length).toBeGreaterThan(3)
    expect(parts[0].partId).toBe('rosters-0001')
    const bodies = parts.map((p) => (p.body as { csv: string }).csv)
    for (const b of bodies) {
      expect(b.startsWith('node,userId,name,phone,role,duty\n')).toBe(true)
      expect(b.length).toBeLessThanOrEqual(400)
    }
    expect(bodies.flatMap((b) => csvRecords(b).slice(1))).toEqual(rows)
    expect(csvParts('buildings', '')).toEqual([])
  })

  it('progress of the job from its phase and count', () => {
    expect(jobPercent({ step: 1, steps: 5, done: 0, total: 3 }, 'RUNNING')).toBe(0)
    expect(jobPercent({ step: 3, steps: 4, done: 50, total: 100 }, 'RUNNING')).toBe(63)
    expect(jobPercent(null, 'QUEUED')).toBe(0)
    expect(jobPercent({ step: 2, steps: 5, done: 15, total: 15 }, 'REFUSED')).toBe(100)
  })
})
