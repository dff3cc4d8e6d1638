import type { TFunction } from 'i18next';

/** A refusal's text on the phone: by its code (the phone does not carry the PC's full texts). */
export function refusalText(t: TFunction, error: { code: string; messageKey?: string } | undefined): string {
  if (!error) return '';
  if (error.code === 'NETWORK') return t('m.errors.network');
  if (error.code === 'BAD_CREDENTIALS') return t('m.errors.wrongPassword');
  const known = ['INVALID_TRANSITION', 'FORBIDDEN', 'NOT_FOUND', 'VALIDATION', 'CONFLICT'];
  return known.includes(error.code) ? t(`m.refusal.${error.code}`) : t('m.refusal.other', { code: error.code });
}
