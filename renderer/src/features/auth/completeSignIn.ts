import type { SessionUser } from '../../../../electron/core/auth/shared/auth.contract';
import { call } from '../../api';
import { applyLocale, currentLocale, takeChosenWhileSignedOut } from '../../app/locale';
import { useSession } from '../../stores/session';

/**
 * After setup or sign-in: the language chosen on the sign-in screen wins and is saved for the
 * user; otherwise the user's saved language applies. Then the app shows the signed-in shell.
 */
export async function completeSignIn(user: SessionUser): Promise<void> {
  let signedIn = user;
  const shown = currentLocale();
  if (takeChosenWhileSignedOut() && shown !== user.locale) {
    try {
      await call('prefs.setLocale', { locale: shown });
      signedIn = { ...user, locale: shown };
    } catch {
      applyLocale(user.locale);
    }
  } else {
    applyLocale(user.locale);
  }
  useSession.getState().signIn(signedIn);
  try {
    const status = await call('auth.status', {});
    useSession.getState().setIdleMinutes(status.sessionIdleMinutes);
  } catch {
    // keep the idle minutes read at start
  }
}
