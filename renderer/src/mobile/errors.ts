import i18next, { type TFunction } from 'i18next';

/**
 * A refusal's text on the phone: the server's message (errors.*, validation.*, stocktake.errors.*:
 * the phone carries those texts of the PC), else a text by its code.
 */
export function refusalText(
  t: TFunction,
  error: { code: string; messageKey?: string; params?: Record<string, unknown> } | undefined,
): string {
  if (!error) return '';
  if (error.code === 'NETWORK') return t('m.errors.network');
  if (error.code === 'BAD_CREDENTIALS') return t('m.errors.wrongPassword');
  if (error.messageKey && i18next.exists(error.messageKey)) return t(error.messageKey, error.params ?? {});
  const known = ['INVALID_TRANSITION', 'FORBIDDEN', 'NOT_FOUND', 'INVALID_INPUT', 'CONFLICT'];
  return known.includes(error.code) ? t(`m.refusal.${error.code}`) : t('m.refusal.other', { code: error.code });
}
