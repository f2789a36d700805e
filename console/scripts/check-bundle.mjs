// The initial-JavaScript budget of issue 17: what the browser must download before the first
// screen - index.html's entry script and every chunk it preloads (its static imports) - at most
// 400 KB gzipped. Routes, ECharts and exceljs load lazily and are listed but not counted.
// Fails the build (exit 1) above the limit.
import { readFileSync, readdirSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { join } from 'node:path'

const LIMIT_KB = Number(process.env.CONSOLE_INITIAL_JS_LIMIT_KB ?? 400)
const dist = new URL('../dist/', import.meta.url).pathname
const html = readFileSync(join(dist, 'index.html'), 'utf8')

const initial = new Set()
for (const m of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) initial.add(m[1])
for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)) initial.add(m[1])
const base = '/console/'
const initialFiles = new Set([...initial].map((u) => u.startsWith(base) ? u.slice(base.length) : u.replace(/^\//, '')))
if (initialFiles.size === 0) {
  console.error('check-bundle: no entry script found in dist/index.html')
  process.exit(1)
}

const rows = []
for (const f of readdirSync(join(dist, 'assets'))) {
  if (!f.endsWith('.js') && !f.endsWith('.css')) continue
  const buf = readFileSync(join(dist, 'assets', f))
  rows.push({ file: 'assets/' + f, raw: buf.length, gz: gzipSync(buf, { level: 9 }).length, initial: initialFiles.has('assets/' + f) })
}
const kb = (n) => (n / 1024).toFixed(1).padStart(8)
rows.sort((a, b) => Number(b.initial) - Number(a.initial) || b.gz - a.gz)
console.log('console bundle (KB):      raw     gzip  loaded')
for (const r of rows) console.log(`  ${r.file.padEnd(44)}${kb(r.raw)} ${kb(r.gz)}  ${r.file.endsWith('.css') ? 'css' : r.initial ? 'INITIAL' : 'lazy'}`)
const initialJs = rows.filter((r) => r.initial && r.file.endsWith('.js'))
const total = initialJs.reduce((n, r) => n + r.gz, 0)
const lazy = rows.filter((r) => !r.initial && r.file.endsWith('.js')).reduce((n, r) => n + r.gz, 0)
console.log(`initial JS: ${(total / 1024).toFixed(1)} KB gzipped in ${initialJs.length} file(s) (limit ${LIMIT_KB} KB); lazy JS: ${(lazy / 1024).toFixed(1)} KB gzipped`)
if (total > LIMIT_KB * 1024) {
  console.error(`check-bundle: initial JS ${(total / 1024).toFixed(1)} KB gzipped exceeds ${LIMIT_KB} KB`)
  process.exit(1)
}
