import { useEffect } from 'react';
import { call, connectEvents } from '../api';
import { useSession } from '../stores/session';
import { sessionEndedNotice } from './sessionEnded';

const GRACE_MS = 2_000;
const RETRY_MS = 30_000;

/**
 * Notices when the server has ended the session: after `idleMinutes` without a call it asks
 * `auth.status` (public, does not count as activity); it also listens for `session.ended`.
 * Either way the user returns to the login screen with a notice: expired, or the reason the core
 * gave with the event (account disabled, locked, password reset).
 */
export function SessionWatcher() {
  const lastCallAt = useSession((s) => s.lastCallAt);
  const idleMinutes = useSession((s) => s.idleMinutes);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = (at: number) => {
      timer = setTimeout(() => void check(), Math.max(1_000, at - Date.now()));
    };
    const check = async () => {
      try {
        const status = await call('auth.status', {});
        if (cancelled) return;
        const session = useSession.getState();
        if (!status.user) {
          session.expire();
          return;
        }
        session.setIdleMinutes(status.sessionIdleMinutes);
        const due = session.lastCallAt + status.sessionIdleMinutes * 60_000 + GRACE_MS;
        schedule(Math.max(due, Date.now() + RETRY_MS));
      } catch {
        if (!cancelled) schedule(Date.now() + RETRY_MS);
      }
    };
    schedule(lastCallAt + idleMinutes * 60_000 + GRACE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [lastCallAt, idleMinutes]);

  useEffect(
    () => connectEvents({ 'session.ended': (payload) => useSession.getState().expire(sessionEndedNotice(payload)) }),
    [],
  );

  return null;
}
