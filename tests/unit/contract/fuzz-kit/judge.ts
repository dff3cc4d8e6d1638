import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { ERROR_CODES } from '../../../../electron/core/shared/contract-kit';
import { featureTexts } from '../../support/feature-locales';

/**
 * Whether an HTTP answer is in the contract's shape: JSON, and either `{ ok: true, data }` with
 * data valid against the channel's output schema, or `{ ok: false, error }` with a known code
 * other than INTERNAL and message keys both locales translate; never a stack or SQLite's words.
 */

const root = path.resolve(__dirname, '../../../..');
/** root locale + each feature's texts mounted under its name, as the renderer does */
function locale(name: 'zh-CN' | 'en'): Record<string, unknown> {
  const out: Record<string, unknown> = JSON.parse(
    fs.readFileSync(path.join(root, `renderer/src/locales/${name}.json`), 'utf8'),
  );
  Object.assign(out, featureTexts(name));
  return out;
}
function translatedIn(obj: Record<string, unknown>, key: string): boolean {
  if (typeof obj[key] === 'string') return true;
  const [head, ...rest] = key.split('.');
  const next = obj[head];
  return (
    !!next &&
    typeof next === 'object' &&
    rest.length > 0 &&
    translatedIn(next as Record<string, unknown>, rest.join('.'))
  );
}
const LOCALES = [locale('zh-CN'), locale('en')];
export const translated = (key: unknown) => typeof key === 'string' && LOCALES.every((l) => translatedIn(l, key));

/** A stack frame or SQLite's error words: never anywhere in an answer (values the input echoes included). */
const STACK = /\bat [\w$.<>]+ \(|\.(ts|js):\d+:\d+|SQLITE_[A-Z]|SqliteError|no such (table|column)|constraint failed/;
/** SQL text: never in what the core itself says (code, message and field keys); params may echo stored names. */
const SQL = /\bINSERT INTO\b|\bUPDATE \w+ SET\b|\bSELECT\b.+\bFROM\b|syntax error|\bWHERE\b/i;

export interface Reply {
  status: number;
  type: string;
  body: string;
}
export type Verdict =
  | { kind: 'accepted'; data: unknown }
  | { kind: 'refused'; code: string; fields?: Record<string, string> }
  | { kind: 'other'; why: string };

export function judge(r: Reply, output: z.ZodType): Verdict {
  let answer: { ok?: unknown; data?: unknown; error?: Record<string, unknown> };
  try {
    answer = JSON.parse(r.body);
  } catch {
    return { kind: 'other', why: `not JSON (${r.status} ${r.body.slice(0, 80)})` };
  }
  if (!r.type.includes('application/json')) return { kind: 'other', why: `content type ${r.type}` };
  if (answer.ok === true && 'data' in answer) {
    const parsed = output.safeParse(answer.data);
    if (!parsed.success)
      return { kind: 'other', why: `accepted, output not in its schema: ${parsed.error.message.slice(0, 200)}` };
    if (STACK.test(r.body)) return { kind: 'other', why: 'stack or SQLite error in an accepted answer' };
    return { kind: 'accepted', data: answer.data };
  }
  const e = answer.error;
  if (answer.ok !== false || !e) return { kind: 'other', why: `not an ApiResult: ${r.body.slice(0, 200)}` };
  const extra = Object.keys(answer).filter((k) => k !== 'ok' && k !== 'error');
  const extraErr = Object.keys(e).filter((k) => !['code', 'messageKey', 'fields', 'params'].includes(k));
  if (extra.length || extraErr.length) return { kind: 'other', why: `extra keys ${[...extra, ...extraErr]}` };
  if (!ERROR_CODES.includes(e.code as never)) return { kind: 'other', why: `unknown code ${String(e.code)}` };
  if (e.code === 'INTERNAL') return { kind: 'other', why: 'INTERNAL' };
  if (!translated(e.messageKey)) return { kind: 'other', why: `untranslated messageKey ${String(e.messageKey)}` };
  const fields = e.fields as Record<string, string> | undefined;
  if (fields !== undefined && !Object.values(fields).every(translated))
    return { kind: 'other', why: `untranslated field key in ${JSON.stringify(fields).slice(0, 200)}` };
  if (STACK.test(r.body) || SQL.test(JSON.stringify([e.code, e.messageKey, Object.values(fields ?? {})])))
    return { kind: 'other', why: `stack or SQL text: ${r.body.slice(0, 200)}` };
  return { kind: 'refused', code: e.code as string, fields };
}
