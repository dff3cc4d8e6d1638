import { create } from 'zustand';

/**
 * Whether the server answers (the loopback host, or the office's server PC for a paired device).
 * A call that gets no answer at all marks it unreachable: the banner shows (ConnectionBanner.tsx),
 * the server is asked again every few seconds, and the calls waiting for it (api/client.ts) are
 * sent again the moment it answers.
 */
interface ConnectionState {
  reachable: boolean;
  /** when the server last failed to answer (ms), while unreachable */
  lostAt: number | null;
  /** a call sent again found its change already made (AlreadyDoneNotice.tsx) */
  doneBeforeDrop: boolean;
}

export const useConnection = create<ConnectionState>()(() => ({
  reachable: true,
  lostAt: null,
  doneBeforeDrop: false,
}));

const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 5_000;

let waiters: (() => void)[] = [];
let timer: ReturnType<typeof setTimeout> | null = null;
let probe: (() => Promise<boolean>) | null = null;

/** How the server is asked whether it answers again (transport.ts sets it: a public call). */
export function setConnectionProbe(fn: () => Promise<boolean>): void {
  probe = fn;
}

function retryIn(ms: number): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(async () => {
    timer = null;
    if (useConnection.getState().reachable) return;
    const answered = probe ? await probe().catch(() => false) : false;
    if (answered) serverAnswered();
    else if (!useConnection.getState().reachable) retryIn(Math.min(ms * 2, LONGEST_RETRY_MS));
  }, ms);
}

/** A call got no answer: the server (or the way to it) is down. */
export function serverUnreachable(): void {
  if (useConnection.getState().reachable) useConnection.setState({ reachable: false, lostAt: Date.now() });
  if (!timer) retryIn(FIRST_RETRY_MS);
}

/** A call was answered (whatever it said): the calls waiting are sent again. */
export function serverAnswered(): void {
  if (useConnection.getState().reachable) return;
  if (timer) clearTimeout(timer);
  timer = null;
  useConnection.setState({ reachable: true, lostAt: null });
  const ready = waiters;
  waiters = [];
  for (const resolve of ready) resolve();
}

/** Resolves when the server answers again (at once while it does). */
export function whenReachable(): Promise<void> {
  if (useConnection.getState().reachable) return Promise.resolve();
  return new Promise((resolve) => waiters.push(resolve));
}
