import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { antdCss } from './antd-css.mjs';
import { barrelImports } from './barrel-imports.mjs';
import { chunkReport } from './chunk-report.mjs';
import { deferredEntryCss } from './deferred-css.mjs';
import { inlineEntryCss } from './inline-css.mjs';
import { precompress } from './precompress.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const at = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));

const VENDOR_REACT = /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser|i18next|react-i18next|zustand|use-sync-external-store)[\\/]/;
const FEATURE_TEXTS = /features[\\/][^\\/]+[\\/]locales[\\/]([\w-]+)\.json$/;

/**
 * The renderer: built into dist/renderer and loaded from file:// by Electron (hence the relative
 * `base`) or served by the local HTTP host. It imports the contract from electron/core.
 */
export default defineConfig({
  root: at('renderer'),
  base: './',
  plugins: [antdCss(repoRoot), react(), barrelImports(repoRoot), inlineEntryCss(), deferredEntryCss(), chunkReport(at('dist/renderer-chunks.json'), repoRoot), precompress()],
  server: { fs: { allow: [repoRoot] } },
  build: {
    outDir: at('dist/renderer'),
    emptyOutDir: true,
    // the first chunk is ~700 kB (~290 kB with brotli): above that, look at what grew
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // what every screen runs on, sign-in included; changes only when a package is updated,
            // so a new build of the app leaves it in the browser's cache
            { name: 'vendor-react', test: VENDOR_REACT, priority: 20 },
            // the rest of what the sign-in screen needs, in one chunk (fewer requests, better compression)
            { name: 'first', tags: ['$initial'], priority: 15 },
            // the features' texts, one chunk per language (loaded with the signed-in app)
            { debugName: 'texts', name: (id: string) => FEATURE_TEXTS.exec(id)?.[1].replace(/^/, 'texts-') ?? null, priority: 10 },
          ],
        },
      },
    },
  },
});
