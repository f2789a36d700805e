import { describe, expect, it, vi } from 'vitest'
import { bbox, contains, featureCollection, loadTerritory, mercator, tileCorner, tileOf, tileUrl } from '../src/domain/geo'
import type { TerritoryNode } from '../src/api/types'

const square = (x: number, y: number, d = 0.01) => ({ type: 'Polygon' as const, coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]] })

const TREE: Record<string, TerritoryNode> = {
  D: { code: 'D', name: '区', level: 'DISTRICT', path: ['D'], children: [{ code: 'S', name: '街道', level: 'STREET', path: [] }] },
  S: { code: 'S', name: '街道', level: 'STREET', path: ['D', 'S'], children: [{ code: 'C1', name: '社区1', level: 'COMMUNITY', path: [] }, { code: 'C2', name: '社区2', level: 'COMMUNITY', path: [] }] },
  C1: { code: 'C1', name: '社区1', level: 'COMMUNITY', path: [], boundary: square(0, 0, 0.02), children: [
    { code: 'G1', name: '网格1', level: 'GRID', path: [] }, { code: 'X1', name: '小区', level: 'COMPOUND', path: [] }, { code: 'S1', name: '学校', level: 'GRID', kind: 'SCHOOL', path: [] }] },
  C2: { code: 'C2', name: '社区2', level: 'COMMUNITY', path: [], children: [{ code: 'G2', name: '网格2', level: 'GRID', path: [] }] },
  G1: { code: 'G1', name: '网格1', level: 'GRID', path: [], boundary: square(0, 0), children: [{ code: 'M1', name: '微网格', level: 'MICRO_GRID', path: [] }] },
  S1: { code: 'S1', name: '学校', level: 'GRID', kind: 'SCHOOL', path: [], boundary: square(0.002, 0.002, 0.002) },
  G2: { code: 'G2', name: '网格2', level: 'GRID', path: [], boundary: square(0.02, 0) },
}

describe('the map from the territory API', () => {
  it('walks the tree down to the grids, skipping compounds and stopping at the level, a few requests at a time', async () => {
    let inFlight = 0
    let most = 0
    const fetchNode = vi.fn(async (code: string) => {
      inFlight++
      most = Math.max(most, inFlight)
      await new Promise((r) => setTimeout(r, 5))
      inFlight--
      return TREE[code]
    })
    const nodes = await loadTerritory(fetchNode, 'D', 'GRID', { concurrency: 2 })
    expect(nodes.map((n) => n.code).sort()).toEqual(['C1', 'C2', 'D', 'G1', 'G2', 'S', 'S1'])
    expect(fetchNode).not.toHaveBeenCalledWith('X1')
    expect(fetchNode).not.toHaveBeenCalledWith('M1')
    expect(most).toBeLessThanOrEqual(2)
  })

  it('fails as a whole when a node cannot be read', async () => {
    await expect(loadTerritory(async (c) => { if (c === 'S') throw new Error('403'); return TREE[c] }, 'D', 'GRID')).rejects.toThrow('403')
  })

  it('a FeatureCollection of the level\'s polygons named by code, dedicated grids drawn last', () => {
    const fc = featureCollection(Object.values(TREE), ['GRID'])
    expect(fc.features.map((f) => f.properties.name)).toEqual(['G1', 'G2', 'S1'])
    expect(fc.features[0].properties).toMatchObject({ label: '网格1', level: 'GRID' })
    expect(featureCollection(Object.values(TREE), ['STREET']).features).toEqual([]) // no boundary, nothing drawn
  })

  it('bounding box and point in polygon (holes excluded)', () => {
    expect(bbox([square(0, 0), square(0.02, 0)])).toEqual([0, 0, 0.03, 0.01])
    expect(bbox([])).toBeNull()
    const withHole = { type: 'Polygon' as const, coordinates: [square(0, 0, 1).coordinates[0], square(0.4, 0.4, 0.2).coordinates[0]] }
    expect(contains(withHole, 0.1, 0.1)).toBe(true)
    expect(contains(withHole, 0.5, 0.5)).toBe(false)
    expect(contains({ type: 'MultiPolygon', coordinates: [square(5, 5).coordinates] }, 5.005, 5.005)).toBe(true)
  })

  it('Web Mercator and XYZ tiles line up (a configured tile layer)', () => {
    const p = mercator.unproject(mercator.project([113.55, 37.85]))
    expect(p[0]).toBeCloseTo(113.55, 9)
    expect(p[1]).toBeCloseTo(37.85, 9)
    const t = tileOf(113.55, 37.85, 12)
    const [lng, lat] = tileCorner(t.x, t.y, 12)
    const [lng2, lat2] = tileCorner(t.x + 1, t.y + 1, 12)
    expect(lng <= 113.55 && 113.55 < lng2).toBe(true)
    expect(lat2 < 37.85 && 37.85 <= lat).toBe(true)
    expect(tileUrl('https://t{s}.example/{z}/{x}/{y}.png?tk=K', 3, 5, 12)).toBe('https://t0.example/12/3/5.png?tk=K')
  })
})
