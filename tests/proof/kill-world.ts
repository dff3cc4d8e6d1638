import type Database from 'better-sqlite3';

/**
 * What the kill test believes the database holds: every entity it wrote (a customer, a user, a
 * list item, a setting), as the state its last acknowledged write left, and the state a write still
 * in flight would leave. After a kill and a restart, each entity must be in one of the two:
 * the acknowledged one (the in-flight write was lost, which is allowed), or the in-flight one (it
 * committed before the kill). Anything else is a lost acknowledged write or a half-written one.
 */
export type State = Record<string, unknown> | null;

/**
 * How to read an entity of a kind back from the database, by its key; null when it is absent.
 * Its `id` (the row id the channels take) is kept aside, not compared.
 */
export type KindReader = (db: Database.Database, key: string) => (Record<string, unknown> & { id?: number }) | null;

export interface Entity {
  kind: string;
  key: string;
  /** canonical JSON of the state the last acknowledged write left ('null': absent) */
  acked: string;
  /** canonical JSON of the state the write in flight would leave, if one is */
  pending: string | null;
  /** a write on it is in flight: no other lane may write it meanwhile */
  busy: boolean;
  /** written since the last check */
  touched: boolean;
}

/** A write: the channel, its input, and each entity it changes with the state it must leave (all or none). */
export interface Planned {
  channel: string;
  input: unknown;
  targets: { kind: string; key: string; expect: State }[];
}

/** Canonical JSON: keys sorted at every depth, so two equal states are equal strings. */
export function canon(v: unknown): string {
  return JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x,
  );
}

/** mulberry32: a small seeded generator, so that a failing run can be run again with its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An entity a write may take now: its key, row id and acknowledged state. */
export interface Free {
  key: string;
  id: number;
  state: Record<string, unknown>;
}

export interface Tally {
  /** writes whose reply arrived with ok */
  acknowledged: number;
  /** writes whose reply arrived as a refusal (the op table asked for something the rules refuse) */
  refused: number;
  refusedCodes: Record<string, number>;
  /** writes in flight when the host was killed */
  unacknowledged: number;
  /** ...of which the restarted host holds the whole result */
  unacknowledgedPresent: number;
  /** acknowledged states not found after a restart: must stay 0 */
  lost: number;
  /** a write found partly done (one entity of several, or a state that is neither before nor after): must stay 0 */
  half: number;
  integrityFailures: number;
  /** the first few failures, with what was expected and found */
  failures: string[];
}

export const newTally = (): Tally => ({
  acknowledged: 0,
  refused: 0,
  refusedCodes: {},
  unacknowledged: 0,
  unacknowledgedPresent: 0,
  lost: 0,
  half: 0,
  integrityFailures: 0,
  failures: [],
});

export class World {
  readonly entities = new Map<string, Entity>();
  private inFlight = new Set<Planned>();
  private seq = 0;
  /** ids the ops need (a deactivation reason), found once after the first sign-in */
  refs: Record<string, number> = {};
  /** row ids by entity, from a create's reply or a read */
  private ids = new Map<string, number>();

  constructor(
    readonly rng: () => number,
    /** a prefix that makes this run's names unique */
    readonly tag: string,
    readonly kinds: Record<string, KindReader>,
    readonly tally: Tally,
  ) {}

  /** A name no other write of this run uses. */
  unique(prefix: string): string {
    return `${prefix}${this.tag}${(this.seq++).toString(36).toUpperCase()}`;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.rng() * (max - min + 1));
  }
  pickOf<T>(items: readonly T[]): T {
    return items[Math.floor(this.rng() * items.length)];
  }

  /** The entity's state in the database now, canonical; its row id noted. */
  private read(db: Database.Database, kind: string, key: string): string {
    const found = this.kinds[kind](db, key);
    if (!found) return 'null';
    const { id, ...state } = found;
    if (id !== undefined) this.ids.set(`${kind}:${key}`, id);
    return canon(state);
  }

  /** An entity read as the database holds it now (a singleton such as a setting), to write later. */
  adopt(db: Database.Database, kind: string, key: string): void {
    const id = `${kind}:${key}`;
    if (!this.entities.has(id)) {
      this.entities.set(id, { kind, key, acked: this.read(db, kind, key), pending: null, busy: false, touched: false });
    }
  }

  /** Up to `n` present entities of `kind` no write is in flight on, whose state `fits`, in random order. */
  free(kind: string, n: number, fits: (s: Record<string, unknown>) => boolean = () => true): Free[] {
    const found: Free[] = [];
    for (const e of this.entities.values()) {
      if (e.kind !== kind || e.busy || e.acked === 'null') continue;
      const state = JSON.parse(e.acked) as Record<string, unknown>;
      if (fits(state)) found.push({ key: e.key, id: this.ids.get(`${kind}:${e.key}`) ?? 0, state });
    }
    for (let i = found.length - 1; i > 0; i--) {
      const j = Math.floor(this.rng() * (i + 1));
      [found[i], found[j]] = [found[j], found[i]];
    }
    return found.slice(0, n);
  }

  /** A write is sent: its entities are busy and their in-flight states recorded. */
  begin(p: Planned): void {
    for (const t of p.targets) {
      const id = `${t.kind}:${t.key}`;
      let e = this.entities.get(id);
      if (!e) {
        e = { kind: t.kind, key: t.key, acked: 'null', pending: null, busy: false, touched: false };
        this.entities.set(id, e);
      }
      e.busy = true;
      e.touched = true;
      e.pending = canon(t.expect);
    }
    this.inFlight.add(p);
  }

  /** Its reply arrived: ok makes the in-flight states the acknowledged ones; a refusal changes nothing. */
  settle(p: Planned, reply: { ok: boolean; error?: { code: string } }): void {
    this.inFlight.delete(p);
    if (reply.ok) this.tally.acknowledged++;
    else {
      this.tally.refused++;
      const code = `${p.channel}:${reply.error?.code}`;
      this.tally.refusedCodes[code] = (this.tally.refusedCodes[code] ?? 0) + 1;
    }
    const data = reply.ok ? (reply as { data?: { id?: unknown } }).data : undefined;
    if (p.targets.length === 1 && typeof data?.id === 'number') this.ids.set(`${p.targets[0].kind}:${p.targets[0].key}`, data.id);
    for (const t of p.targets) {
      const e = this.entities.get(`${t.kind}:${t.key}`)!;
      if (reply.ok) e.acked = e.pending!;
      e.pending = null;
      e.busy = false;
    }
  }

  private fail(kind: 'lost' | 'half', text: string): void {
    this.tally[kind]++;
    if (this.tally.failures.length < 20) this.tally.failures.push(`${kind}: ${text}`);
  }

  /**
   * After a restart: every entity written since the last check (all of them when `all`) must be as
   * acknowledged, or as its in-flight write would leave it, and each in-flight write must be
   * present whole or not at all.
   */
  verify(db: Database.Database, all: boolean): void {
    const actual = new Map<Entity, string>();
    for (const e of this.entities.values()) {
      if (all || e.touched) actual.set(e, this.read(db, e.kind, e.key));
    }
    for (const p of this.inFlight) {
      this.tally.unacknowledged++;
      const applied = p.targets.filter((t) => {
        const e = this.entities.get(`${t.kind}:${t.key}`)!;
        return actual.get(e) === e.pending && e.pending !== e.acked;
      }).length;
      if (p.targets.length && applied === p.targets.length) this.tally.unacknowledgedPresent++;
      else if (applied > 0) this.fail('half', `${p.channel} applied to ${applied} of ${p.targets.length}: ${canon(p.input)}`);
    }
    this.inFlight.clear();
    for (const [e, found] of actual) {
      if (found !== e.acked && found !== e.pending) {
        const text = `${e.kind} ${e.key}: acknowledged ${e.acked}${e.pending ? `, in flight ${e.pending}` : ''}, found ${found}`;
        this.fail(e.pending ? 'half' : 'lost', text);
      }
      // what is there now is what later writes build on (a failure is reported once, not again and again)
      e.acked = found;
      e.pending = null;
      e.busy = false;
      e.touched = false;
    }
  }
}
