import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { featureLocaleFiles } from '../unit/support/feature-locales';

/**
 * The translation guard every spec runs (wired in fixtures.ts): while a test runs, the page checks
 * what it shows (body text, and visible aria-label / title / placeholder) after every change of
 * the page, and reports
 * - an untranslated key: `word.word…` text that is a key or a key prefix of the locale files
 *   (customers.status.已停用, errors.internal); other dotted words (kehu.sqlite, a@b.cn) are fine;
 * - in the Chinese screen, English that has a translation: a text of en.json (or a fragment of one
 *   between its {{params}}) whose zh-CN text differs, as a whole word or phrase, any case.
 *   Words shorter than 3 letters (OK, No, At, By) are skipped: too ambiguous; so are English
 *   texts that the Chinese texts use themselves (Excel, CSV, English), and addresses (https://…/pair).
 * A leak counts when it is still there 250 ms later (no false alarm from a half-drawn frame).
 */

const ROOT = path.resolve(__dirname, '../..');
const MIN_LETTERS = 3;

export interface LocaleFacts {
  /** every key (leaf) and every key prefix of two or more segments, e.g. customers.status */
  keys: string[];
  /** English texts and fragments to look for in the Chinese screen */
  english: string[];
}

export interface Leak {
  kind: 'key' | 'english';
  text: string;
  context: string;
  url: string;
}

type Messages = { [k: string]: string | Messages };

function flatten(messages: Messages, prefix: string, out: Map<string, string>) {
  for (const [k, v] of Object.entries(messages)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else flatten(v, key, out);
  }
}

/** The texts of one language as i18n.ts mounts them (feature files under the feature's name). */
function localeTexts(locale: string): Map<string, string> {
  const out = new Map<string, string>();
  const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Messages;
  flatten(read(path.join(ROOT, 'renderer/src/locales', `${locale}.json`)), '', out);
  for (const f of featureLocaleFiles(locale)) flatten(f.messages as Messages, f.feature, out);
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordRe = (phrase: string) =>
  new RegExp(`(?<![A-Za-z])${escapeRe(phrase).replace(/\s+/g, '\\s+')}(?![A-Za-z])`, 'i');

let cached: LocaleFacts | null = null;

export function localeFacts(): LocaleFacts {
  if (cached) return cached;
  const zh = localeTexts('zh-CN');
  const en = localeTexts('en');
  const keys = new Set<string>();
  for (const key of [...zh.keys(), ...en.keys()]) {
    const parts = key.replace(PLURAL, '').split('.');
    for (let n = 2; n <= parts.length; n++) keys.add(parts.slice(0, n).join('.'));
  }
  const zhAll = [...zh.values()].join('\n');
  const english = new Set<string>();
  for (const [key, text] of en) {
    if (zh.get(key) === text) continue;
    for (const raw of text.split(/\{\{[^}]*\}\}|\$t\([^)]*\)|<[^>]*>|[\n:;,()（）：；，、]/)) {
      const fragment = raw.replace(/^[\s\p{P}\p{S}\d]+|[\s\p{P}\p{S}\d]+$/gu, '');
      if ((fragment.match(/[A-Za-z]/g) ?? []).length < MIN_LETTERS) continue;
      if (!/^[A-Za-z]/.test(fragment)) continue;
      if (wordRe(fragment).test(zhAll)) continue;
      english.add(fragment);
    }
  }
  cached = { keys: [...keys], english: [...english].sort((a, b) => b.length - a.length) };
  return cached;
}

declare global {
  interface Window {
    __kehuI18nGuard?: { flush(): Promise<void> };
    __kehuI18nLeak?: (leak: Omit<Leak, 'url'> & { url: string }) => Promise<void>;
  }
}

/** Runs in the page (serialised by addInitScript): watches the DOM and reports leaks. */
function watchPage(facts: { keys: string[]; english: string[] }) {
  // the page's own timers, taken before a test may install a fake clock (page.clock): with the
  // clock paused the guard must still settle and confirm, or its flush would wait for ever
  const setTimeout = window.setTimeout.bind(window);
  const clearTimeout = window.clearTimeout.bind(window);
  const SETTLE_MS = 40;
  const CONFIRM_MS = 250;
  const keys = new Set(facts.keys);
  const quote = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const english = facts.english.length
    ? new RegExp(
        `(?<![A-Za-z0-9_])(?:${facts.english.map((p) => quote(p).replace(/\s+/g, '\\s+')).join('|')})(?![A-Za-z0-9_])`,
        'gi',
      )
    : null;
  const dotted = /(?<![\w.@/:-])[A-Za-z][\w-]*(?:\.[\w-]+)+/g;
  const reported = new Set<string>();

  function shownTexts(): string[] {
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point
    let body = document.body?.innerText ?? '';
    // innerText keeps text clipped to nothing (rc-select's 0×0 listbox for screen readers, whose
    // text is the raw option value while its aria-label is the label): leave it out
    for (const el of document.body?.querySelectorAll<HTMLElement>('[style*="overflow"]') ?? []) {
      const box = el.getBoundingClientRect();
      if (box.width >= 1 && box.height >= 1) continue;
      // biome-ignore lint/performance/useDomNodeTextContent: as rendered, like the body's
      const clipped = el.innerText;
      if (clipped) body = body.replace(clipped, ' ');
    }
    const out = [body];
    for (const el of document.querySelectorAll('[aria-label],[title],[placeholder]')) {
      if (el.getAttribute('role') === 'img' || el.classList.contains('anticon')) continue; // icon names
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true } as CheckVisibilityOptions)) continue;
      for (const attr of ['aria-label', 'title', 'placeholder']) {
        const v = el.getAttribute(attr);
        if (v) out.push(v);
      }
    }
    return out;
  }

  function findLeaks(): Map<string, { kind: 'key' | 'english'; text: string; context: string }> {
    const found = new Map<string, { kind: 'key' | 'english'; text: string; context: string }>();
    const chinese = document.documentElement.lang.toLowerCase().startsWith('zh');
    for (const text of shownTexts()) {
      for (const m of text.matchAll(dotted)) {
        const parts = m[0].split('.');
        for (let n = parts.length; n >= 2; n--) {
          const candidate = parts.slice(0, n).join('.');
          if (keys.has(candidate)) {
            const context = text.slice(Math.max(0, (m.index ?? 0) - 30), (m.index ?? 0) + m[0].length + 30);
            found.set(`key:${m[0]}`, { kind: 'key', text: m[0], context });
            break;
          }
        }
      }
      if (chinese && english) {
        // an address shown as it is (https://…/pair) is not text to translate
        const words = text
          .split(/(\s+)/)
          .map((w) => (w.startsWith('http://') || w.startsWith('https://') ? ' '.repeat(w.length) : w))
          .join('');
        for (const m of words.matchAll(english)) {
          const context = text.slice(Math.max(0, (m.index ?? 0) - 30), (m.index ?? 0) + m[0].length + 30);
          found.set(`english:${m[0].toLowerCase()}`, { kind: 'english', text: m[0], context });
        }
      }
    }
    return found;
  }

  let timer: number | undefined;
  let pending: Promise<void> | null = null;

  async function check() {
    const first = findLeaks();
    if (first.size === 0) return;
    await new Promise((r) => setTimeout(r, CONFIRM_MS));
    const second = findLeaks();
    for (const [id, leak] of second) {
      if (!first.has(id) || reported.has(id)) continue;
      reported.add(id);
      await window.__kehuI18nLeak?.({ ...leak, url: location.href });
    }
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(() => {
      pending = (pending ?? Promise.resolve()).then(check, check);
    }, SETTLE_MS);
  }

  function start() {
    new MutationObserver(schedule).observe(document, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['aria-label', 'title', 'placeholder', 'lang', 'style', 'class', 'hidden'],
    });
    schedule();
  }

  window.__kehuI18nGuard = {
    async flush() {
      clearTimeout(timer);
      await pending;
      await check();
    },
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}

/** Installs the guard on every page of the context; returns the leaks found so far (a live list). */
export async function guardContext(context: BrowserContext): Promise<Leak[]> {
  const leaks: Leak[] = [];
  await context.exposeFunction('__kehuI18nLeak', (leak: Leak) => {
    leaks.push(leak);
  });
  await context.addInitScript(watchPage, localeFacts());
  return leaks;
}

/** Checks what the page shows right now (waits for a pending check); call before reading the leaks. */
export async function flushGuard(page: Page): Promise<void> {
  if (page.isClosed()) return;
  await page.evaluate(() => window.__kehuI18nGuard?.flush()).catch(() => undefined);
}

export function describeLeaks(leaks: readonly Leak[]): string {
  return leaks
    .map(
      (l) =>
        `${l.kind === 'key' ? 'untranslated key' : 'English in the Chinese screen'} "${l.text}" in "…${l.context.replace(/\s+/g, ' ')}…" (${l.url})`,
    )
    .join('\n');
}
