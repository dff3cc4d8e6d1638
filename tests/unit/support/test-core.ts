import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { roles, userRoles, users } from '../../../db/schema';
import { hashPassword } from '../../../electron/core/auth/password';
import { FixedClock } from '../../../electron/core/clock';
import { type Core, openCore } from '../../../electron/core/core';
import { dispatch } from '../../../electron/core/dispatch';
import type { AnyFeature } from '../../../electron/core/feature';
import { features } from '../../../electron/core/features';
import type { Handler, TransportCtx } from '../../../electron/core/handler';
import { inlineJobs, type JobRunner } from '../../../electron/core/jobs/client';
import { inlineReads, type ReadRunner } from '../../../electron/core/reads/pool';
import type { Channel, ChannelInput, ChannelOutput } from '../../../electron/core/shared/contract';
import type { ApiResult } from '../../../electron/core/shared/contract-kit';

export const MIGRATIONS = path.resolve(__dirname, '../../../db/migrations');

export function tempDir(prefix = 'kehu-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A client as a window would be: it holds one session, like a transport does. */
export class TestClient implements TransportCtx {
  sessionToken: string | null = null;
  constructor(private core: Core) {}
  setSessionToken(token: string | null): void {
    this.sessionToken = token;
  }
  /** A call through the dispatcher; input and result typed from the contract. */
  call<C extends Channel>(
    channel: C,
    input: ChannelInput<C> = {} as ChannelInput<C>,
  ): Promise<ApiResult<ChannelOutput<C>>> {
    return dispatch(this.core, channel, input, this) as Promise<ApiResult<ChannelOutput<C>>>;
  }
  /** A call with input the contract does not accept (unknown fields, wrong types, hostile values): tests of refusal. */
  callRaw<C extends Channel>(channel: C, input: unknown): Promise<ApiResult<ChannelOutput<C>>> {
    return this.call(channel, input as ChannelInput<C>);
  }
  /** Calls and returns data, failing the test with the error code otherwise. */
  async ok<C extends Channel>(channel: C, input: ChannelInput<C> = {} as ChannelInput<C>): Promise<ChannelOutput<C>> {
    const r = await this.call(channel, input);
    if (!r.ok) throw new Error(`${channel} refused: ${JSON.stringify(r.error)}`);
    return r.data;
  }
}

export interface TestEnv {
  core: Core;
  clock: FixedClock;
  dir: string;
  client(): TestClient;
  /** Inserts a user directly (fast path for tests) with the given roles; returns a signed-in client. */
  userWithRoles(username: string, roleCodes: string[], password?: string): Promise<TestClient>;
  admin(): Promise<TestClient>;
  close(): void;
}

/**
 * Jobs on the test's own thread: for tests of the channels, not of the thread (it skips starting
 * a worker, and compiling the sources in it, per call). The core's features' job kinds.
 */
export const inlineRunner = (): JobRunner => inlineJobs();

/**
 * A migrated database in a temporary folder and a core on it. `features` replaces the app's list
 * (features.ts): how a test adds a feature of its own or contributions (open-item checks,
 * customer references, rule queries) to the core it creates. `jobs`: how the core runs jobs
 * (inlineRunner()); default, as in the app: worker threads. `reads`: how pool reads run; default
 * inlineReads() (the test's thread, on a read-only connection of their own).
 */
export async function makeEnv(
  opts: { features?: readonly AnyFeature[]; jobs?: JobRunner; reads?: ReadRunner } = {},
): Promise<TestEnv> {
  const dir = tempDir();
  const clock = new FixedClock();
  const core = await openCore({
    dataDir: dir,
    migrationsFolder: MIGRATIONS,
    clock,
    features: opts.features,
    jobs: opts.jobs,
    reads: opts.reads ?? inlineReads(),
  });
  let admin: TestClient | null = null;
  const env: TestEnv = {
    core,
    clock,
    dir,
    client: () => new TestClient(core),
    async userWithRoles(username, roleCodes, password = 'correct-horse-1') {
      const at = clock.now().toISOString();
      const u = core.db
        .insert(users)
        .values({
          username,
          displayName: username,
          passwordHash: await hashPassword(password),
          createdAt: at,
          updatedAt: at,
        })
        .returning()
        .get();
      const ids = roleCodes.length ? core.db.select().from(roles).where(inArray(roles.code, roleCodes)).all() : [];
      for (const r of ids) core.db.insert(userRoles).values({ userId: u.id, roleId: r.id }).run();
      const c = new TestClient(core);
      await c.ok('auth.login', { username, password });
      return c;
    },
    async admin() {
      if (admin) return admin;
      const c = new TestClient(core);
      await c.ok('auth.setup', { username: 'admin', displayName: '系统管理员', password: 'admin-pass-1' });
      admin = c;
      return c;
    },
    close() {
      void core.reads.close();
      core.sqlite.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return env;
}

/** The app's features with a feature of the test's own added (its contract, handlers or contributions). */
export function withFeature(extra: AnyFeature): AnyFeature[] {
  return [...features, extra];
}

/** The app's features with some channels' handlers replaced (a test's failing or leaking handler). */
export function withHandlers(replaced: { [C in Channel]?: Handler<C> }): AnyFeature[] {
  return features.map((f) => {
    const mine = Object.entries(replaced).filter(([name]) => Object.hasOwn(f.contract, name));
    return mine.length ? { ...f, handlers: { ...f.handlers, ...Object.fromEntries(mine) } } : f;
  });
}

export function userByName(core: Core, username: string) {
  return core.db.select().from(users).where(eq(users.username, username)).get();
}

/** Row counts and content hash of every table: "changes nothing" means this is equal before and after. */
export function snapshot(core: Core): string {
  const tables = core.sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return tables.map((t) => `${t}:${JSON.stringify(core.sqlite.prepare(`SELECT * FROM "${t}"`).all())}`).join('\n');
}
