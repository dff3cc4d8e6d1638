import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * Rewrites `import { Button, Table } from 'antd'` (and the same from '@ant-design/icons') into one
 * import per component file (`antd/es/button`, `antd/es/table`). Rolldown places a module in the
 * chunk of whoever imports its barrel: through the barrel, every component any page uses landed in
 * the first chunk. Imported one by one, a component used only by a lazy page stays in that page's
 * chunk. Names the barrel does not re-export one by one stay on the barrel import.
 */
export function barrelImports(root: string): Plugin {
  const file = (p: string) => path.join(root, 'node_modules', p);
  const barrels = new Map<string, Map<string, string>>([
    ['antd', reexports(file('antd/es/index.js'), 'antd/es')],
    ['@ant-design/icons', reexports(file('@ant-design/icons/es/icons/index.js'), '@ant-design/icons/es/icons')],
  ]);
  const importRe = /import\s*\{([^}]*)\}\s*from\s*(['"])(antd|@ant-design\/icons)\2;?/g;
  return {
    name: 'kehu-barrel-imports',
    apply: 'build',
    transform: {
      filter: { id: /renderer[\\/]src[\\/].*\.[jt]sx?$/ },
      handler(code) {
        if (!code.includes('antd') && !code.includes('@ant-design/icons')) return null;
        let changed = false;
        const out = code.replace(importRe, (whole, names: string, _q: string, pkg: string) => {
          const files = barrels.get(pkg)!;
          const direct: string[] = [];
          const rest: string[] = [];
          for (const spec of names.split(',').map((s) => s.trim()).filter(Boolean)) {
            if (spec.startsWith('type ')) continue; // erased anyway
            const [imported, local = imported] = spec.split(/\s+as\s+/).map((s) => s.trim());
            const file = files.get(imported);
            if (file) direct.push(`import ${local} from '${file}';`);
            else rest.push(spec);
          }
          if (!direct.length) return whole;
          changed = true;
          return [...direct, ...(rest.length ? [`import { ${rest.join(', ')} } from '${pkg}';`] : [])].join(' ');
        });
        return changed ? { code: out, map: null } : null;
      },
    },
  };
}

/** `export { default as Button } from './button'` lines of a barrel → name → importable path. */
function reexports(file: string, base: string): Map<string, string> {
  const map = new Map<string, string>();
  const re = /export\s*\{\s*default\s+as\s+(\w+)\s*\}\s*from\s*['"]\.\/([\w-]+)['"]/g;
  for (const m of fs.readFileSync(file, 'utf8').matchAll(re)) map.set(m[1], `${base}/${m[2]}`);
  if (map.size < 10) throw new Error(`barrel-imports: ${file} no longer re-exports its modules one by one`);
  return map;
}
