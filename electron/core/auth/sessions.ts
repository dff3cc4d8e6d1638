import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';

interface Session {
  userId: number;
  lastSeen: number;
  /** the paired device (office network) the session was signed in on; null on this PC */
  deviceId: number | null;
}

type SessionLookup =
  | { state: 'active'; userId: number; deviceId: number | null }
  | { state: 'expired' }
  | { state: 'none' };

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

  create(userId: number, deviceId: number | null = null): string {
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(token, { userId, lastSeen: this.clock.now().getTime(), deviceId });
    return token;
  }

  /**
   * Looks a session up; `touch` counts the call as activity. An idle session is ended. `deviceId`
   * is the device the call comes from (null on this PC): a session is found only from the device
   * it was signed in on, so a session token carried to another device is no session there.
   */
  lookup(token: string | null | undefined, touch: boolean, deviceId: number | null = null): SessionLookup {
    if (!token) return { state: 'none' };
    const s = this.sessions.get(token);
    if (!s || s.deviceId !== deviceId) return { state: 'none' };
    const now = this.clock.now().getTime();
    if (now - s.lastSeen >= this.idleMinutes() * 60_000) {
      this.sessions.delete(token);
      return { state: 'expired' };
    }
    if (touch) s.lastSeen = now;
    return { state: 'active', userId: s.userId, deviceId: s.deviceId };
  }

  end(token: string | null | undefined): void {
    if (token) this.sessions.delete(token);
  }

  endAllOf(userId: number): void {
    for (const [t, s] of this.sessions) if (s.userId === userId) this.sessions.delete(t);
  }

  /** Sessions signed in on a device and not idle past the limit. */
  countOnDevice(deviceId: number): number {
    const limit = this.clock.now().getTime() - this.idleMinutes() * 60_000;
    let n = 0;
    for (const s of this.sessions.values()) if (s.deviceId === deviceId && s.lastSeen > limit) n++;
    return n;
  }

  /** Ends every session signed in on a device (the device was revoked); returns their users. */
  endAllOnDevice(deviceId: number): number[] {
    const users: number[] = [];
    for (const [t, s] of this.sessions) {
      if (s.deviceId !== deviceId) continue;
      this.sessions.delete(t);
      users.push(s.userId);
    }
    return users;
  }
}
