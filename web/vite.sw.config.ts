import { defineConfig } from 'vite';

/**
 * The service worker, built after the app (`vite build -c vite.sw.config.ts`) into the same directory: one classic
 * script, `/sw.js`, at the site's root so that its scope is the whole app. Classic rather than a module worker, so
 * browsers without module service workers run it too; everything it imports is bundled into it.
 */
export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    rollupOptions: {
      input: 'src/push/sw.ts',
      output: { format: 'iife', entryFileNames: 'sw.js' },
    },
  },
});
