import { create } from 'zustand';
import type { SessionUser } from '../../../electron/core/auth/shared/auth.contract';

/** booting → (setup | login | ready); bootFailed when the core cannot be reached at start. */
type Phase = 'booting' | 'bootFailed' | 'setup' | 'login' | 'ready';

interface SessionStatus {
  needsSetup: boolean;
  user: SessionUser | null;
  sessionIdleMinutes: number;
}

interface SessionState {
  phase: Phase;
  user: SessionUser | null;
  /** the server ends a session after this many minutes without a call */
  idleMinutes: number;
  /** time (ms) of the last successful non-public call */
  lastCallAt: number;
  /** i18n key of a notice shown on the login screen (e.g. the session expired) */
  notice: string | null;

  applyStatus(status: SessionStatus): void;
  bootFailed(): void;
  signIn(user: SessionUser): void;
  setUser(user: SessionUser): void;
  setIdleMinutes(minutes: number): void;
  touch(): void;
  /** the server ended the session: back to the login screen with a notice (i18n key; expired by default) */
  expire(notice?: string): void;
  signOut(): void;
  clearNotice(): void;
}

export const useSession = create<SessionState>()((set, get) => ({
  phase: 'booting',
  user: null,
  idleMinutes: 30,
  lastCallAt: 0,
  notice: null,

  applyStatus: (status) =>
    set({
      idleMinutes: status.sessionIdleMinutes,
      user: status.user,
      phase: status.needsSetup ? 'setup' : status.user ? 'ready' : 'login',
      lastCallAt: status.user ? Date.now() : 0,
    }),
  bootFailed: () => set({ phase: 'bootFailed' }),
  signIn: (user) => set({ user, phase: 'ready', lastCallAt: Date.now(), notice: null }),
  setUser: (user) => set({ user }),
  setIdleMinutes: (minutes) => set({ idleMinutes: minutes }),
  touch: () => set({ lastCallAt: Date.now() }),
  expire: (notice = 'errors.sessionExpired') => {
    if (get().phase !== 'ready') return;
    set({ user: null, phase: 'login', notice, lastCallAt: 0 });
  },
  signOut: () => set({ user: null, phase: 'login', notice: null, lastCallAt: 0 }),
  clearNotice: () => set({ notice: null }),
}));

export function hasPermission(user: SessionUser | null, permission: string | undefined): boolean {
  if (!permission) return true;
  return !!user && user.permissions.includes(permission);
}
