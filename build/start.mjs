// `npm start`: build, then open the desktop window. Where Electron's binary was not downloaded
// (offline install with ELECTRON_SKIP_BINARY_DOWNLOAD=1), say so and point to `npm run web`.
import { execSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let electronBinary = null;
try {
  electronBinary = require('electron'); // the binary's path, or a throw when it was never downloaded
} catch {}
if (typeof electronBinary !== 'string' || !fs.existsSync(electronBinary)) {
  console.error("Electron's binary is not installed on this machine (no download at install time): run `npm run web` to open the same app in your browser.");
  process.exit(1);
}
execSync('npm run build', { stdio: 'inherit' });
const child = spawn(electronBinary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
