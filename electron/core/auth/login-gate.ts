import { randomHash } from './password';

/**
 * Sign-in attempts for one name run one after another. Both transports share one process and
 * one Core, so this is where parallel attempts meet: each attempt reads the lock, verifies and
 * records its outcome before the next one for the same name starts. Without it, 40 attempts
 * sent at once would all read "not locked" before any of them recorded a failure.
 */
class NameQueue {
  private tails = new Map<string, Promise<void>>();

  async run<T>(name: string, attempt: () => Promise<T>): Promise<T> {
    const before = this.tails.get(name) ?? Promise.resolve();
    let done = () => {};
    const mine = new Promise<void>((resolve) => {
      done = resolve;
    });
    const tail = before.then(() => mine);
    this.tails.set(name, tail);
    await before;
    try {
      return await attempt();
    } finally {
      done();
      if (this.tails.get(name) === tail) this.tails.delete(name);
    }
  }

  /** Names with an attempt running or waiting (for tests). */
  get size(): number {
    return this.tails.size;
  }
}

interface Failures {
  failed: number;
  lockedUntil: number | null;
}

/**
 * Failure counts of names that are not users, so that they lock exactly as a real account
 * would and the lockout does not reveal which names exist. Held in memory, at most `capacity`
 * names; when full, the longest-unused name whose lock is not running is forgotten first.
 */
export class UnknownNameFailures {
  private names = new Map<string, Failures>();

  constructor(readonly capacity = 10_000) {}

  /** The time the name is locked until (ms), or null. */
  lockedUntil(name: string, now: number): number | null {
    const f = this.names.get(name);
    return f?.lockedUntil && f.lockedUntil > now ? f.lockedUntil : null;
  }

  /** Counts one failure; at `threshold` the name locks for `minutes` (and its count restarts). */
  fail(name: string, now: number, threshold: number, minutes: number): number | null {
    const f = this.names.get(name) ?? { failed: 0, lockedUntil: null };
    this.names.delete(name);
    f.failed += 1;
    if (f.failed >= threshold) {
      f.failed = 0;
      f.lockedUntil = now + minutes * 60_000;
    }
    this.names.set(name, f);
    this.evict(now);
    return f.lockedUntil && f.lockedUntil > now ? f.lockedUntil : null;
  }

  get size(): number {
    return this.names.size;
  }

  private evict(now: number): void {
    while (this.names.size > this.capacity) {
      let victim: string | undefined;
      for (const [name, f] of this.names) {
        if (!f.lockedUntil || f.lockedUntil <= now) {
          victim = name;
          break;
        }
      }
      this.names.delete(victim ?? (this.names.keys().next().value as string));
    }
  }
}

/** The sign-in state of one Core (one per process: both transports use it); it hangs on the Core. */
export interface LoginGate {
  queue: NameQueue;
  unknownNames: UnknownNameFailures;
  /** the hash an unknown name is checked against, so timing does not reveal it (made once, on first use) */
  dummyHash: Promise<string> | null;
}

export function newLoginGate(): LoginGate {
  return { queue: new NameQueue(), unknownNames: new UnknownNameFailures(), dummyHash: null };
}

/** The hash to compare against when the name is no user's (made on first use, then kept). */
export function dummyHash(gate: LoginGate): Promise<string> {
  gate.dummyHash ??= randomHash();
  return gate.dummyHash;
}
