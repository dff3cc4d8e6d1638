import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const HERE = path.join(__dirname, 'harness');
const ROOT = path.resolve(__dirname, '../../..');

/**
 * The `.wasm` that barcode-detector's bundled zxing glue was built with. When the top-level
 * zxing-wasm is another version (npm did not dedupe), the harness takes the nested one, as the
 * app's build must (see the report: pin zxing-wasm to barcode-detector's exact version).
 */
function wasmAlias() {
  const nested = path.join(ROOT, 'node_modules/barcode-detector/node_modules/zxing-wasm/dist/reader/zxing_reader.wasm');
  return fs.existsSync(nested) ? [{ find: /^zxing-wasm\/reader\/zxing_reader\.wasm/, replacement: nested }] : [];
}

/** Builds the camera harness page with vite (production mode) into `outDir`. */
export async function buildHarness(outDir: string) {
  const { build } = await import('vite');
  const react = (await import('@vitejs/plugin-react')).default;
  await build({
    root: HERE,
    base: '/',
    logLevel: 'warn',
    configFile: false,
    plugins: [react()],
    resolve: { alias: wasmAlias() },
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
};

/** The phone page's kind of CSP: nothing but our own origin (no CDN), wasm compiled from it. */
export const HARNESS_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; style-src 'self' 'unsafe-inline'; worker-src 'self'";

/** Serves a built folder on 127.0.0.1 with that CSP; resolves to its URL and a stop function. */
export function serveStatic(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(dir, rel.endsWith('/') ? `${rel}index.html` : rel);
    if (!file.startsWith(dir) || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': HARNESS_CSP,
    });
    res.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}
