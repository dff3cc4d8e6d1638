import type { ChannelOutput } from '../../../electron/core/shared/contract';
import { call, isNetworkError } from './api';

export type SessionUser = ChannelOutput<'auth.login'>;
const USER_KEY = 'kehu-m-user';

/** The last signed-in user, kept so that the page opened offline still counts under that user. */
export function cachedUser(): SessionUser | null {
  try {
    const v = JSON.parse(localStorage.getItem(USER_KEY) ?? 'null');
    return v && typeof v.id === 'number' ? (v as SessionUser) : null;
  } catch {
    return null;
  }
}
export function rememberUser(u: SessionUser | null): void {
  if (u) localStorage.setItem(USER_KEY, JSON.stringify(u));
  else localStorage.removeItem(USER_KEY);
}

/**
 * Who is signed in: the server's answer (auth.status) when it answers, else (offline) the user
 * remembered on this phone; `offline` says which.
 */
export async function loadSession(): Promise<{ user: SessionUser | null; offline: boolean }> {
  const r = await call('auth.status', {});
  if (!r.ok) return isNetworkError(r) ? { user: cachedUser(), offline: true } : { user: null, offline: false };
  rememberUser(r.data.user);
  return { user: r.data.user, offline: false };
}
