import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { ApiError } from '../../../electron/core/shared/contract-kit';

const LOCALES = path.resolve(__dirname, '../../../renderer/src/locales');

/**
 * What the user reads for a refusal, in each language: its message key's text with the values the
 * refusal names filled in. Fails when the text is missing or names a value the refusal lacks.
 */
export function shownText(error: ApiError): Record<'zh-CN' | 'en', string> {
  const out = {} as Record<'zh-CN' | 'en', string>;
  for (const locale of ['zh-CN', 'en'] as const) {
    const texts = JSON.parse(fs.readFileSync(path.join(LOCALES, `${locale}.json`), 'utf8'));
    const text = error.messageKey.split('.').reduce((o, k) => o?.[k], texts) as unknown;
    expect(text, `${locale} ${error.messageKey}`).toBeTypeOf('string');
    out[locale] = (text as string).replace(/\{\{(\w+)\}\}/g, (_m, name: string) => {
      expect(error.params, `${error.messageKey} names {{${name}}}`).toHaveProperty(name);
      return String(error.params![name]);
    });
  }
  return out;
}
