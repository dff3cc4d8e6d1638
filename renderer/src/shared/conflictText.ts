import i18n from 'i18next';
import { formatMinute } from './format';
import { translateOr } from './translate';

/** A list param: an array from the core (never split on commas: a display name may hold one). */
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v ? [String(v)] : []).filter(Boolean);

/**
 * A stale save's refusal in words, from the core's conflict (`errors.changedBy`: who, when, which
 * fields): "王五 于 2026-01-05 10:32 修改了 电话、地址". Without fields (a password reset): "… 修改了此记录".
 */
export function changedByText(p: Record<string, unknown>): string {
  const sep = i18n.t('common.listSeparator');
  const by = list(p.by).join(sep);
  const time = formatMinute(String(p.at ?? '')) ?? '';
  const fields = list(p.fields).map((f) => translateOr('audit.field', f));
  if (!fields.length) return i18n.t('errors.changedByRecord', { by, time });
  return i18n.t('errors.changedBy', { by, time, fields: fields.join(sep) });
}
