import { defineConfig } from 'vitest/config';

/**
 * The browser tests: real Chromium (playwright-core, no downloaded browser) against a running gateway at
 * BASE_URL. Not part of `npm test`; BrowserTest (signaling-gateway's JUnit tests) starts the gateway and runs
 * `npx vitest run --config e2e/vitest.config.ts <spec>` with BASE_URL, CHROMIUM_PATH and ARTIFACTS_DIR set.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.spec.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // one spec at a time: each drives several browser pages, and CI machines are small
    fileParallelism: false,
    pool: 'forks',
    reporters: ['verbose'],
    // Vite owns BASE_URL inside the test workers (its `base`, "/"): pass the server's address on under another name
    env: { E2E_BASE_URL: process.env.BASE_URL ?? '' },
  },
});
