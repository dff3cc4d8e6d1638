import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';

interface Session {
  userId: number;
  lastSeen: number;
}

type SessionLookup = { state: 'active'; userId: number } | { state: 'expired' } | { state: 'none' };

/**
 * Signed-in sessions, held in memory by the main process (a restart signs everyone out).
 * A session ends after `idleMinutes()` without a call.
 */
export class SessionStore {
  private sessions = new Map<string, Session>();

  constructor(
    private clock: Clock,
    private idleMinutes: () => number,
  ) {}

  create(userId: number): string {
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(token, { userId, lastSeen: this.clock.now().getTime() });
    return token;
  }

  /** Looks a session up; `touch` counts the call as activity. An idle session is ended. */
  lookup(token: string | null | undefined, touch: boolean): SessionLookup {
    if (!token) return { state: 'none' };
    const s = this.sessions.get(token);
    if (!s) return { state: 'none' };
    const now = this.clock.now().getTime();
    if (now - s.lastSeen >= this.idleMinutes() * 60_000) {
      this.sessions.delete(token);
      return { state: 'expired' };
    }
    if (touch) s.lastSeen = now;
    return { state: 'active', userId: s.userId };
  }

  end(token: string | null | undefined): void {
    if (token) this.sessions.delete(token);
  }

  endAllOf(userId: number): void {
    for (const [t, s] of this.sessions) if (s.userId === userId) this.sessions.delete(t);
  }
}
