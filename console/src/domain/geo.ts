/**
 * The map (一张图) from the territory API alone: the current map's nodes down to a level, with
 * their boundaries (GET /territory/nodes/{code}?geometry=true), as a GeoJSON FeatureCollection
 * ECharts can register - polygons need no tiles, so the map works with no internet.
 */
import type { GeoJsonGeometry, TerritoryNode } from '../api/types'

const ORDER = ['CITY', 'DISTRICT', 'STREET', 'COMMUNITY', 'GRID', 'MICRO_GRID'] as const
export type MapLevel = (typeof ORDER)[number]

export function levelIndex(level: string): number {
  return ORDER.indexOf(level as MapLevel)
}

/**
 * Walks the tree from `root` down to `level` (compounds skipped), `concurrency` requests at a
 * time, each node with its boundary. Returns every node visited (the levels above give outlines).
 * Costs one request per node: a later batch route (console-api.md) can replace it for big maps.
 */
export async function loadTerritory(
  fetchNode: (code: string) => Promise<TerritoryNode>,
  root: string,
  level: MapLevel,
  opts: { concurrency?: number; onProgress?: (loaded: number) => void; max?: number } = {},
): Promise<TerritoryNode[]> {
  const target = levelIndex(level)
  const out: TerritoryNode[] = []
  const queue: string[] = [root]
  const seen = new Set<string>([root])
  const max = opts.max ?? 5000
  let active = 0
  return new Promise((resolve, reject) => {
    let failed = false
    const pump = () => {
      if (failed) return
      if (queue.length === 0 && active === 0) return resolve(out)
      while (active < (opts.concurrency ?? 6) && queue.length > 0) {
        const code = queue.shift()!
        active++
        fetchNode(code).then((node) => {
          active--
          out.push(node)
          opts.onProgress?.(out.length)
          if (levelIndex(node.level) < target) {
            for (const child of node.children ?? []) {
              if (child.level === 'COMPOUND' || levelIndex(child.level) > target || seen.has(child.code)) continue
              if (seen.size >= max) continue
              seen.add(child.code)
              queue.push(child.code)
            }
          }
          pump()
        }, (e) => {
          failed = true
          reject(e)
        })
      }
    }
    pump()
  })
}

export interface Feature {
  type: 'Feature'
  properties: { name: string; label: string; level: string; kind?: string; parent?: string | null }
  geometry: GeoJsonGeometry
}

export interface FeatureCollection {
  type: 'FeatureCollection'
  features: Feature[]
}

/** Nodes of `levels` that have a boundary; properties.name is the code (ECharts matches data by it). */
export function featureCollection(nodes: TerritoryNode[], levels: string[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: nodes.filter((n) => levels.includes(n.level) && n.boundary && (n.boundary.type === 'Polygon' || n.boundary.type === 'MultiPolygon'))
      // Dedicated grids (专属网格) lie inside regular grids: drawn last, on top.
      .sort((a, b) => Number(!!a.kind && a.kind !== 'REGULAR') - Number(!!b.kind && b.kind !== 'REGULAR'))
      .map((n) => ({ type: 'Feature', properties: { name: n.code, label: n.name, level: n.level, kind: n.kind, parent: n.parent }, geometry: n.boundary! })),
  }
}

export type BBox = [number, number, number, number]

export function bbox(geometries: GeoJsonGeometry[]): BBox | null {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity
  const visit = (ring: number[][]) => {
    for (const [x, y] of ring) {
      if (x < minX) minX = x
      if (y < minY) minY = y
      if (x > maxX) maxX = x
      if (y > maxY) maxY = y
    }
  }
  for (const g of geometries) {
    if (g.type === 'Polygon') g.coordinates.forEach(visit)
    else g.coordinates.forEach((p) => p.forEach(visit))
  }
  return Number.isFinite(minX) ? [minX, minY, maxX, maxY] : null
}

/** Ray casting over the outer rings minus holes; GeoJSON order (lng, lat). */
export function contains(g: GeoJsonGeometry, lng: number, lat: number): boolean {
  const inRing = (ring: number[][]) => {
    let inside = false
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]
      const [xj, yj] = ring[j]
      if ((yi > lat) !== (yj > lat) && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside
    }
    return inside
  }
  const inPolygon = (p: number[][][]) => inRing(p[0]) && !p.slice(1).some(inRing)
  return g.type === 'Polygon' ? inPolygon(g.coordinates) : g.coordinates.some(inPolygon)
}

/** Web Mercator, so that an optional tile layer (configured per deployment) lines up with the polygons. */
export const mercator = {
  project: ([lng, lat]: number[]): number[] => {
    const y = Math.log(Math.tan(Math.PI / 4 + (Math.max(Math.min(lat, 85), -85) * Math.PI) / 360))
    return [(lng * Math.PI) / 180, -y]
  },
  unproject: ([x, y]: number[]): number[] => [(x * 180) / Math.PI, (Math.atan(Math.exp(-y)) * 360) / Math.PI - 90],
}

/** Tile x/y at zoom z for a point (the XYZ scheme of 天地图/AMap tile URLs). */
export function tileOf(lng: number, lat: number, z: number): { x: number; y: number } {
  const n = 2 ** z
  const x = Math.floor(((lng + 180) / 360) * n)
  const r = (lat * Math.PI) / 180
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)
  return { x, y }
}

/** The north-west corner of a tile. */
export function tileCorner(x: number, y: number, z: number): [number, number] {
  const n = 2 ** z
  const lng = (x / n) * 360 - 180
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / n))) * 180) / Math.PI
  return [lng, lat]
}

export function tileUrl(template: string, x: number, y: number, z: number): string {
  return template.replace('{x}', String(x)).replace('{y}', String(y)).replace('{z}', String(z))
    .replace('{s}', String((x + y) % 4))
}

/** Colour ramp for a value in [0, max]: pale to deep red (open cases), or red→green for a rate. */
export function heatColor(value: number | null | undefined, max: number, goodIsHigh = false): string {
  if (value == null || !Number.isFinite(value)) return '#e5e7eb'
  const t = max > 0 ? Math.min(Math.max(value / max, 0), 1) : 0
  const u = goodIsHigh ? 1 - t : t
  const from = [254, 243, 199]
  const to = [185, 28, 28]
  const c = from.map((f, i) => Math.round(f + (to[i] - f) * u))
  return `rgb(${c[0]},${c[1]},${c[2]})`
}
