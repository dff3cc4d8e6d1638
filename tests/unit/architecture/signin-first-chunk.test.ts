import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, parse, root } from './scan';

// Issue 14 goal 5: the sign-in screen runs no antd code. Loading, compiling and running antd and
// computing its theme took about half the time before the form showed; the screen draws antd's
// markup (features/auth/plainAntd.tsx) and antd comes with every other screen, in a lazy chunk.
// What main.tsx imports statically (its first chunk) must therefore import no antd package.

const ANTD = /^(antd|@ant-design\/|@rc-component\/|rc-)/;

/** Our files main.tsx loads at start (static imports, type-only ones left out), and the packages they name. */
function firstLoad(entry: string) {
  const files = new Set<string>([entry]);
  const packages = new Map<string, string>();
  for (const file of files) {
    for (const imp of importsOf(parse(file))) {
      if (imp.typeOnly) continue;
      if (imp.target) files.add(imp.target);
      else if (!imp.spec.startsWith('.')) packages.set(imp.spec, file);
    }
  }
  return { files, packages };
}

describe('the sign-in screen’s first chunk', () => {
  const { files, packages } = firstLoad('renderer/src/main.tsx');

  it('holds the sign-in screen (the walk follows the app’s imports)', () => {
    expect(files).toContain('renderer/src/features/auth/LoginPage.tsx');
    expect(files).toContain('renderer/src/features/auth/AuthLayout.tsx');
    expect(packages.has('react-dom/client')).toBe(true);
  });

  it('imports no antd package (antd and its providers load lazily, app/AntdScreens.tsx)', () => {
    const antd = [...packages].filter(([spec]) => ANTD.test(spec)).map(([spec, file]) => `${file} imports ${spec}`);
    expect(antd).toEqual([]);
    expect(files).not.toContain('renderer/src/app/AntdScreens.tsx');
  });

  it('keeps antd for the other screens', () => {
    const text = fs.readFileSync(path.join(root, 'renderer/src/app/AntdScreens.tsx'), 'utf8');
    expect(text).toMatch(/from 'antd'/);
  });
});
