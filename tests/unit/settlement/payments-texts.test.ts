import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { featureTexts } from '../support/feature-locales';

const root = path.resolve(__dirname, '../../..');
const CORE_FILES = [
  'aging.ts',
  'allocations.ts',
  'payments.ts',
  'payment.rows.ts',
  'promises.ts',
  'statement.ts',
  'statement-export.service.ts',
];

function lookup(obj: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

describe('texts of the payments’ refusals', () => {
  // the i18n test finds `x.errors.y` and `x.validation.y`; these are `settlement.ledgerErrors.y`
  it('every settlement.ledgerErrors key the core sends exists in zh-CN and en, with the same params', () => {
    const src = CORE_FILES.map((f) => fs.readFileSync(path.join(root, 'electron/core/settlement', f), 'utf8')).join(
      '\n',
    );
    const used = new Set([...src.matchAll(/'(settlement\.ledgerErrors\.[A-Za-z]+)'/g)].map((m) => m[1]));
    expect(used.size).toBeGreaterThanOrEqual(10);
    const zh = featureTexts('zh-CN');
    const en = featureTexts('en');
    const params = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const k of used) {
      expect(lookup(zh, k), `zh-CN ${k}`).toBeTypeOf('string');
      expect(lookup(en, k), `en ${k}`).toBeTypeOf('string');
      expect(params(lookup(en, k)), k).toEqual(params(lookup(zh, k)));
    }
  });
});
