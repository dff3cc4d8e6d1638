import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { mobileIcons } from './mobile-icons.mjs';
import { precompress } from './precompress.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const at = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));

/**
 * The phone counting page (issue 19): a second, small entry of the renderer, served at `/m/` by
 * the local host and the office network's listener (run after the desktop build, which empties
 * dist/renderer). An installable PWA: the service worker (scope /m/) precaches the app shell, its
 * chunks and the barcode decoder's .wasm, so the page opens without the network once loaded.
 */
export default defineConfig({
  root: at('renderer/src/mobile'),
  base: '/m/',
  publicDir: false,
  plugins: [
    react(),
    mobileIcons(),
    VitePWA({
      // a new version waits for the clerk (UpdateBanner), never reloads a page in the middle of counting
      registerType: 'prompt',
      injectRegister: false,
      scope: '/m/',
      base: '/m/',
      // the manifest is fetched with the device cookie: the office listener answers paired devices only
      useCredentials: true,
      manifest: {
        id: '/m/',
        name: '客户盘点',
        short_name: '客户盘点',
        description: '客户管理 · 手机盘点',
        lang: 'zh-CN',
        start_url: '/m/',
        scope: '/m/',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#f5f5f5',
        theme_color: '#1677ff',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,wasm,png,webmanifest}'],
        // the zxing decoder's wasm is ~1 MB
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: '/m/index.html',
        navigateFallbackAllowlist: [/^\/m\//],
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: false,
        // API calls are never cached: the queue in IndexedDB is what works offline
        runtimeCaching: [],
      },
    }),
    precompress(),
  ],
  server: { fs: { allow: [repoRoot] } },
  build: {
    outDir: at('dist/renderer/m'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
  },
});
