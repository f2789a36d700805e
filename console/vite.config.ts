/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// The API of a running local cloud for `npm run dev` (infra/run-local prints its URL).
const api = process.env.LINLI_API ?? 'http://127.0.0.1:3000'
// Everything the console calls lives under these prefixes; the dev server forwards them.
const apiPrefixes = ['/auth', '/me', '/admin', '/reports', '/cases', '/dispatch', '/supervision', '/departments',
  '/volunteers', '/service-logs', '/wishes', '/communities', '/territory', '/kpis', '/patrols', '/open311', '/_local',
  '/console/config.json']

export default defineConfig({
  // Served by the local cloud at /console/ (and by CloudFront under the same path when deployed).
  base: '/console/',
  plugins: [
    vue(),
    // Element Plus components are imported where a template uses them, so each route's chunk
    // carries only its own components (the initial-JS budget of issue 17). The full stylesheet is
    // imported once in main.ts.
    Components({ resolvers: [ElementPlusResolver({ importStyle: false })], dts: 'src/components.d.ts' }),
  ],
  server: {
    proxy: Object.fromEntries(apiPrefixes.map((p) => [p, { target: api, changeOrigin: false }])),
  },
  build: {
    target: 'es2020',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    // Hashed names under assets/ are cached for a year by the local cloud and CloudFront.
    assetsDir: 'assets',
  },
  test: {
    // Pure tests run in Node; component tests ask for jsdom with a @vitest-environment comment.
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    // Tests print test names, not the console's logs.
    silent: 'passed-only',
    restoreMocks: true,
  },
})
