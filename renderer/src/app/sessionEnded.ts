/**
 * The sign-in screen's notice (an i18n key) for a `session.ended` event, by the reason the core
 * gives: the account was disabled, locked (wrong current passwords in 修改密码), or its password
 * was reset by an administrator. Anything else reads as an expired session.
 */
const NOTICES: Record<string, string> = {
  disabled: 'errors.sessionEndedDisabled',
  locked: 'auth.changePassword.lockedOut',
  passwordReset: 'errors.sessionEndedPasswordReset',
  restored: 'errors.sessionEndedRestored',
};

export function sessionEndedNotice(payload: unknown): string {
  const reason = payload && typeof payload === 'object' ? (payload as { reason?: unknown }).reason : undefined;
  return (typeof reason === 'string' && Object.hasOwn(NOTICES, reason) && NOTICES[reason]) || 'errors.sessionExpired';
}

/** Every reason the core may send, for tests. */
export const SESSION_END_REASONS = Object.keys(NOTICES);
