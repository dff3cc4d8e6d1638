import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');

describe('npm start where the Electron binary is absent', () => {
  it('says so in one line, points to npm run web, and fails', () => {
    // electron's own index.js resolves its binary under this folder: one that does not exist
    const r = spawnSync(process.execPath, [path.join(root, 'build/start.mjs')], {
      cwd: root,
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: path.join(root, 'no-such-electron-dist') },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Electron's binary is not installed/);
    expect(lines[0]).toContain('npm run web');
  });
});
