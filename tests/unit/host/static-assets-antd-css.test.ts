import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { antdCss, isFirstBlock, isFirstClass, rootThemeVars, splitAntdCss, topLevelBlocks, unscopeComponentVars } from '../../../build/antd-css.mjs';

// Issue 14 goal 5: antd's prebuilt stylesheet (the app runs antd with zeroRuntime) is served in two
// parts: what the sign-in screen needs comes with the first load, the rest with the lazy screens.

const SOURCE = fs.readFileSync(path.resolve(__dirname, '../../../node_modules/antd/dist/antd.css'), 'utf8');
const block = (text: string) => topLevelBlocks(text)[0];

describe('build: antd stylesheet split', () => {
  it('cuts the stylesheet into whole top-level rules, braces in strings and nested blocks included', () => {
    const css = '.a{content:"}"}@media (max-width:1px){.b{x:1}.c{y:2}}/* } */.d{z:3}';
    expect(topLevelBlocks(css).map((b) => b.prelude)).toEqual(['.a', '@media (max-width:1px)', '/* } */.d']);
    // antd's own file: nothing lost, nothing added
    const blocks = topLevelBlocks(SOURCE);
    expect(blocks.map((b) => b.text).join('').replace(/\s/g, '')).toBe(SOURCE.replace(/\s/g, ''));
  });

  it('knows the sign-in components by class, and the ones that only start like them', () => {
    for (const cls of ['ant-btn', 'ant-btn-primary', 'ant-input', 'ant-input-affix-wrapper', 'ant-form-item', 'ant-col', 'ant-card-head']) {
      expect(isFirstClass(cls), cls).toBe(true);
    }
    for (const cls of ['ant-input-number', 'ant-input-number-input', 'ant-color-picker', 'ant-table', 'ant-select', 'ant-modal', 'ant-cardx']) {
      expect(isFirstClass(cls), cls).toBe(false);
    }
  });

  it('keeps a rule first when one of its selectors names only sign-in components (or none), and keyframes', () => {
    expect(isFirstBlock(block('.ant-btn,.ant-table .x{a:1}'))).toBe(true);
    expect(isFirstBlock(block('.anticon{a:1}'))).toBe(true);
    expect(isFirstBlock(block('@keyframes antFadeIn{0%{opacity:0}}'))).toBe(true);
    expect(isFirstBlock(block('.ant-form-item .ant-select{a:1}'))).toBe(false);
    expect(isFirstBlock(block('.ant-btn-variant-solid{a:1}'))).toBe(true);
    expect(isFirstBlock(block('@media (max-width:575px){.ant-table{a:1}}'))).toBe(false);
    expect(isFirstBlock(block('@media (max-width:575px){.ant-col-xs-1{a:1}}'))).toBe(true);
  });

  it('puts every rule in exactly one part, the sign-in part small', () => {
    const { first, rest } = splitAntdCss(SOURCE);
    const count = (css: string) => topLevelBlocks(css).length;
    expect(count(first) + count(rest)).toBe(topLevelBlocks(SOURCE).length);
    expect(first).toContain('.ant-btn{');
    expect(first).toContain('.ant-card .ant-card-head{');
    expect(first).toContain('.ant-form-item');
    // a rule of another component only (a mixed selector list may name one beside a sign-in one)
    expect(first).not.toMatch(/(^|\n)\.ant-(table|select|modal|picker)\{/);
    expect(rest).toMatch(/\.ant-table\{/);
    expect(first.length).toBeLessThan(SOURCE.length / 3);
  });

  it("puts the default theme's global variables on :root, in the sign-in part (the sign-in screen has no ConfigProvider)", () => {
    const { first, rest } = splitAntdCss(SOURCE);
    const rootBlock = topLevelBlocks(first).find((b) => b.prelude.split(',').includes(':root'));
    expect(rootBlock?.text).toMatch(/--ant-color-primary:#1677ff;/);
    expect(rootBlock?.text).toMatch(/--ant-font-family:/);
    expect(rest).not.toMatch(/:root/);
    expect(rootThemeVars('.css-var-_R_0_{--ant-x:1}.css-var-_R_1_{--ant-x:2}')).toBe(':root,.css-var-_R_0_{--ant-x:1}.css-var-_R_1_{--ant-x:2}');
    // an antd whose prebuilt file names its theme otherwise: the build says so
    expect(() => rootThemeVars('.css-var-x{--ant-x:1}')).toThrow(/theme variables/);
  });

  it("applies each component's variables to its class alone, not to the theme class the file was built with", () => {
    expect(SOURCE).toMatch(/\.css-var-[\w-]+\.ant-card\{--ant-card-/);
    expect(unscopeComponentVars('.css-var-_R_0_.ant-card{--ant-card-x:1}.css-var-_R_0_{--ant-x:2}')).toBe(
      '.ant-card{--ant-card-x:1}.css-var-_R_0_{--ant-x:2}',
    );
    const { first, rest } = splitAntdCss(SOURCE);
    expect(first).toMatch(/(^|\n)\.ant-card\{--ant-card-/);
    expect(`${first}${rest}`).not.toMatch(/\.css-var-[\w-]+\.ant-/);
  });

  it('serves the two parts as virtual:antd-first.css and virtual:antd-rest.css', () => {
    const plugin = antdCss(path.resolve(__dirname, '../../..')) as unknown as {
      resolveId(id: string): string | null;
      load(id: string): string | null;
    };
    const firstId = plugin.resolveId('virtual:antd-first.css');
    const restId = plugin.resolveId('virtual:antd-rest.css');
    expect(firstId).toMatch(/\.css$/);
    expect(restId).toMatch(/\.css$/);
    expect(plugin.resolveId('antd')).toBeNull();
    const parts = splitAntdCss(SOURCE);
    expect(plugin.load(firstId!)).toBe(parts.first);
    expect(plugin.load(restId!)).toBe(parts.rest);
  });

  it("styles every antd class the sign-in screen's plain markup names (an antd that renamed one would leave it bare)", () => {
    const { first } = splitAntdCss(SOURCE);
    const dir = path.resolve(__dirname, '../../../renderer/src/features/auth');
    const named = new Set<string>();
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.tsx'))) {
      for (const m of fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/\b(ant(?:icon)?-[a-z0-9]+(?:-[a-z0-9]+)*)\b/g)) named.add(m[1]);
    }
    // classes antd's own components put in their markup with no rule of their own (state markers)
    const markers = ['ant-alert-outlined', 'ant-btn-default', 'ant-input-password', 'ant-form-item-has-error', 'ant-form-item-margin-offset', 'ant-form-vertical'];
    const bare = [...named].filter((c) => !markers.includes(c) && !new RegExp(`\\.${c}(?![a-z0-9-])`).test(first));
    expect(named.size).toBeGreaterThan(30);
    expect(bare).toEqual([]);
  });
});
