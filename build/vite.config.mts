import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const at = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));

/**
 * The renderer: built into dist/renderer and loaded from file:// by Electron (hence the relative
 * `base`) or served by the local HTTP host. It imports the contract from electron/core.
 */
export default defineConfig({
  root: at('renderer'),
  base: './',
  plugins: [react()],
  server: { fs: { allow: [repoRoot] } },
  build: {
    outDir: at('dist/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
