import i18n from 'i18next';

type Params = Record<string, unknown>;

/** Translates a key sent by the core (errors.*, validation.*); unknown keys get a generic text. */
export function translateKey(key: string, params?: Params): string {
  if (i18n.exists(key)) return i18n.t(key, params);
  return i18n.t(key.startsWith('validation.') ? 'validation.invalid' : 'errors.internal');
}

/** Translates `<prefix>.<raw>` (role, audit entity/action/field), falling back to the raw string. */
export function translateOr(prefix: string, raw: string): string {
  const key = `${prefix}.${raw}`;
  return i18n.exists(key) ? i18n.t(key) : raw;
}
