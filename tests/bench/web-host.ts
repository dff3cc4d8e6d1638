import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

/**
 * `dist/main/web.js` of the build in `root`, on a free port and the given data folder, as a child
 * process; resolves with the address it prints (carrying its token) once it listens.
 */
export async function spawnWebHost(
  root: string,
  dataDir: string,
  timeoutMs: number,
): Promise<{ openUrl: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [path.join(root, 'dist/main/web.js'), '--data-dir', dataDir, '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const openUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`host did not start: ${out}`)), timeoutMs);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`host exited ${code}: ${out}`)));
  });
  return { openUrl, child };
}
