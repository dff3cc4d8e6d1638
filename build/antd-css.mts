import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * antd's prebuilt stylesheet (antd/dist/antd.css, ~1 MB: every component) in two parts:
 * `virtual:antd-first.css`, what the sign-in screen's components need (imported by main.tsx, so it
 * is in the first load), and `virtual:antd-rest.css`, everything else (imported by the lazy
 * screens, loaded with them). The whole file would add ~75 KB (brotli) to the first load and ~1 MB
 * of CSS to parse before the first script may run.
 */

/** Components of the sign-in screen (and its boot/fault fallbacks): class `ant-<name>` and `ant-<name>-…`. */
export const FIRST_COMPONENTS = ['app', 'btn', 'wave', 'form', 'input', 'alert', 'flex', 'typography', 'card', 'row', 'col'];
/** Classes that start like a first component but are another one. */
const NOT_FIRST = /^ant-input-(number|otp)(-|$)/;

export function isFirstClass(cls: string): boolean {
  if (NOT_FIRST.test(cls)) return false;
  return FIRST_COMPONENTS.some((c) => cls === `ant-${c}` || cls.startsWith(`ant-${c}-`));
}

/** Top-level blocks of a stylesheet: `prelude{body}` with the braces balanced (strings and comments skipped). */
export function topLevelBlocks(css: string): { prelude: string; text: string }[] {
  const blocks: { prelude: string; text: string }[] = [];
  let start = 0;
  let depth = 0;
  let preludeEnd = -1;
  for (let i = 0; i < css.length; i++) {
    const ch = css[i];
    if (ch === '"' || ch === "'") {
      const close = css.indexOf(ch, i + 1);
      i = close < 0 ? css.length : close;
    } else if (ch === '/' && css[i + 1] === '*') {
      const close = css.indexOf('*/', i + 2);
      i = close < 0 ? css.length : close + 1;
    } else if (ch === '{') {
      if (depth === 0) preludeEnd = i;
      depth++;
    } else if (ch === '}') {
      depth--;
      if (depth === 0) {
        blocks.push({ prelude: css.slice(start, preludeEnd).trim(), text: css.slice(start, i + 1).trim() });
        start = i + 1;
      }
    }
  }
  return blocks;
}

/** The selectors of a block: its prelude, or for @media/@supports/@container the preludes inside. */
function selectorsOf(block: { prelude: string; text: string }): string[] {
  if (!block.prelude.startsWith('@')) return block.prelude.split(',');
  const inner = block.text.slice(block.text.indexOf('{') + 1, -1);
  return topLevelBlocks(inner).flatMap(selectorsOf);
}

/** A block belongs to the first part when one of its selectors names only first components (or none). */
export function isFirstBlock(block: { prelude: string; text: string }): boolean {
  if (block.prelude.startsWith('@keyframes')) return true; // global names, small
  return selectorsOf(block).some((selector) => (selector.match(/(?<![\w-])ant-[a-z0-9-]+/g) ?? []).every(isFirstClass));
}

/**
 * The file scopes each component's variables to the theme class it was built with
 * (`.css-var-_R_0_.ant-card{--ant-card-…}`); the app's theme class is React's id of its
 * ConfigProvider (`css-var-_r_0_`), so those rules would match nothing. One theme (the default)
 * serves the whole app: the variables apply to the component's class alone.
 */
export function unscopeComponentVars(css: string): string {
  return css.replace(/\.css-var-[\w-]+(?=\.ant-)/g, '');
}

/** The class of the default theme's global variables in antd's prebuilt file (React's server id of its root ConfigProvider). */
const THEME_VARS = '.css-var-_R_0_{';

/**
 * The default theme's global variables (`--ant-color-primary`, `--ant-font-family`, …) also on
 * `:root`: the sign-in screen draws antd's markup outside any ConfigProvider (it runs no antd code,
 * features/auth/plainAntd.tsx), and its components' rules read these variables. Inside antd's
 * providers the same values are set again on the theme class.
 */
export function rootThemeVars(css: string): string {
  if (!css.includes(THEME_VARS)) throw new Error(`antd.css has no ${THEME_VARS}: the sign-in screen would lack antd's theme variables`);
  return css.replace(THEME_VARS, `:root,${THEME_VARS}`);
}

export function splitAntdCss(source: string): { first: string; rest: string } {
  const css = rootThemeVars(unscopeComponentVars(source));
  const first: string[] = [];
  const rest: string[] = [];
  for (const block of topLevelBlocks(css)) (isFirstBlock(block) ? first : rest).push(block.text);
  return { first: first.join('\n'), rest: rest.join('\n') };
}

export function antdCss(root: string): Plugin {
  const source = path.join(root, 'node_modules/antd/dist/antd.css');
  // real-looking paths beside the source (Vite treats them as CSS by their extension)
  const ids: Record<string, 'first' | 'rest'> = {
    [path.join(path.dirname(source), 'antd.first.css')]: 'first',
    [path.join(path.dirname(source), 'antd.rest.css')]: 'rest',
  };
  let parts: { first: string; rest: string } | null = null;
  return {
    name: 'kehu-antd-css',
    enforce: 'pre',
    resolveId(id) {
      if (id === 'virtual:antd-first.css') return Object.keys(ids)[0];
      if (id === 'virtual:antd-rest.css') return Object.keys(ids)[1];
      return null;
    },
    load(id) {
      const part = ids[id];
      if (!part) return null;
      parts ??= splitAntdCss(fs.readFileSync(source, 'utf8'));
      return parts[part];
    },
  };
}
