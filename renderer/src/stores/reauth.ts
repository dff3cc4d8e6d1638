import { create } from 'zustand';
import { useSession } from './session';

/**
 * 重新登录 in place: the server no longer knows the session (it was restarted) while a page still
 * holds what the person typed. Instead of leaving the page for the sign-in screen, a dialog asks
 * for the password again (ReauthModal.tsx); the call that found the session gone is then sent
 * again. Cancelling goes to the sign-in screen as before.
 */
interface ReauthState {
  open: boolean;
}

export const useReauth = create<ReauthState>()(() => ({ open: false }));

let waiting: ((signedIn: boolean) => void)[] = [];

/** Asks for the password again; resolves true once signed in, false if the person cancelled. */
export function askSignInAgain(): Promise<boolean> {
  useReauth.setState({ open: true });
  return new Promise((resolve) => waiting.push(resolve));
}

/** The dialog's end: signed in again (the waiting calls are sent again) or cancelled. */
export function endSignInAgain(signedIn: boolean): void {
  useReauth.setState({ open: false });
  const done = waiting;
  waiting = [];
  for (const resolve of done) resolve(signedIn);
}

// signed out meanwhile (the session ended for another reason, the idle time ran out): the dialog
// and the calls waiting on it end with it, so nobody who signs in next sends them as themselves
useSession.subscribe((s) => {
  if (s.phase !== 'ready' && (useReauth.getState().open || waiting.length)) endSignInAgain(false);
});
