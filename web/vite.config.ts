import { defineConfig } from 'vitest/config';

/** The Spring Boot gateway that serves the API (and, in production, this page). */
const backend = 'http://localhost:8080';

/** Every path the gateway owns is proxied in dev (`npm run dev`), websockets included; `/sw.js` is the gateway's build of it. */
const proxied = ['/api', '/ws', '/rsocket', '/actuator', '/sw.js'];

export default defineConfig({
  base: '/',
  server: {
    port: 5173,
    strictPort: true,
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: backend, ws: true }])),
  },
  build: {
    // Maven packages web/target/classes into the jar, so this is served as classpath:/static/.
    outDir: 'target/classes/static',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
