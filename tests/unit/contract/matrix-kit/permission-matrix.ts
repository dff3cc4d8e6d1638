import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { AnyFeature } from '../../../../electron/core/feature';
import { CHANNELS, type Channel, contract } from '../../../../electron/core/shared/contract';
import type { ChannelDef } from '../../../../electron/core/shared/contract-kit';
import { refusedTextFields } from '../../../../electron/core/shared/normalize';
import { inlineRunner, makeEnv, type TestClient } from '../../support/test-core';
import { validArb } from '../fuzz-kit/schema-arbitrary';

/**
 * The permission matrix: every channel × every role seeded in the database (roles and
 * role_permissions read from it, not from a constant), each role a user of its own. Each pair is
 * called with an input that passes validation where one can be generated, so an allowed call
 * reaches its handler; FORBIDDEN is expected exactly when the role lacks the channel's permission.
 */

export interface SeededRole {
  code: string;
  permissions: string[];
}
export type Cell = 'allowed' | 'FORBIDDEN' | 'session lost';
export interface MatrixResult {
  roles: SeededRole[];
  /** channel → role code → what the call answered */
  cells: Record<string, Record<string, Cell>>;
  /** channel → role code → what the contract and the role's permissions say */
  expected: Record<string, Record<string, Exclude<Cell, 'session lost'>>>;
  mismatches: string[];
  /** channels no valid input could be generated for (called with their nearest; still judged) */
  noValidInput: string[];
}

const NO_ROW = 2 ** 31 - 1;
/** ids point at no row: an allowed call reaches its handler and changes nothing (NOT_FOUND) */
function noRows(v: unknown, key?: string): unknown {
  if (typeof v === 'number' && key && /(^id|Id|^ids|Ids)$/.test(key)) return NO_ROW;
  if (Array.isArray(v)) return v.map((x) => noRows(x, key));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, noRows(x, k)]));
  return v;
}

/**
 * A restore would replace the data under the matrix: it names a backup that does not exist. The
 * call still reaches the permission check and the handler.
 */
const FIXED: Record<string, unknown> = { 'backup.restore': { source: { kind: 'listed', id: NO_ROW } } };

export function seededRoles(sqlite: import('better-sqlite3').Database): SeededRole[] {
  const rows = sqlite
    .prepare(
      `SELECT r.code, p.permission FROM roles r LEFT JOIN role_permissions p ON p.role_id = r.id ORDER BY r.id, p.permission`,
    )
    .all() as { code: string; permission: string | null }[];
  const out = new Map<string, SeededRole>();
  for (const r of rows) {
    const role = out.get(r.code) ?? { code: r.code, permissions: [] };
    if (r.permission) role.permissions.push(r.permission);
    out.set(r.code, role);
  }
  return [...out.values()];
}

export interface MatrixOptions {
  seed?: number;
  /** the channels to call (default all, sign-out last) */
  channels?: readonly Channel[];
  /** the core's features (a test's own handler, to show the matrix finds a wrong refusal) */
  features?: readonly AnyFeature[];
}

export async function runMatrix(opts: MatrixOptions = {}): Promise<MatrixResult> {
  const seed = opts.seed ?? 20261130;
  const env = await makeEnv({ jobs: inlineRunner(), features: opts.features });
  const sandbox = path.join(env.dir, 'sandbox');
  fs.mkdirSync(sandbox);
  const cwd = process.cwd();
  const errorLog = console.error;
  try {
    const admin = await env.admin();
    await admin.ok('customer.create', { name: '已有客户有限公司' });
    const roles = seededRoles(env.core.sqlite);
    const clients = new Map<string, TestClient>();
    for (const r of roles) clients.set(r.code, await env.userWithRoles(`matrix-${r.code}`, [r.code]));
    process.chdir(sandbox);
    console.error = () => {}; // a service not built yet answers INTERNAL: not FORBIDDEN, which is what is judged here

    const cells: MatrixResult['cells'] = {};
    const expected: MatrixResult['expected'] = {};
    const mismatches: string[] = [];
    const noValidInput: string[] = [];
    // sign-out last: it ends the session the other calls use
    const order: readonly Channel[] = opts.channels ?? [...CHANNELS.filter((c) => c !== 'auth.logout'), 'auth.logout'];
    for (const channel of order) {
      const def = contract[channel] as ChannelDef;
      const passes = (v: unknown) => refusedTextFields(v) === null && def.input.safeParse(v).success;
      const samples = fc
        .sample(validArb(def.input, { sandbox }, channel), { numRuns: 200, seed })
        .map((v) => noRows(v));
      const input = FIXED[channel] ?? samples.find(passes) ?? samples[0];
      if (!passes(input)) noValidInput.push(channel);
      cells[channel] = {};
      expected[channel] = {};
      for (const r of roles) {
        const access = def.access;
        expected[channel][r.code] =
          typeof access === 'object' && !r.permissions.includes(access.permission) ? 'FORBIDDEN' : 'allowed';
        const answer = await clients.get(r.code)!.callRaw(channel, structuredClone(input));
        const code = answer.ok ? null : answer.error.code;
        const cell: Cell =
          code === 'FORBIDDEN'
            ? 'FORBIDDEN'
            : (code === 'UNAUTHENTICATED' || code === 'SESSION_EXPIRED') && access !== 'public'
              ? 'session lost'
              : 'allowed';
        cells[channel][r.code] = cell;
        if (cell !== expected[channel][r.code])
          mismatches.push(
            `${channel} × ${r.code}: expected ${expected[channel][r.code]}, got ${cell} (${code ?? 'ok'})`,
          );
      }
    }
    return { roles, cells, expected, mismatches, noValidInput };
  } finally {
    console.error = errorLog;
    process.chdir(cwd);
    env.close();
  }
}

/** The matrix as a table: ✓ allowed, · FORBIDDEN, ! a cell that differs from what is expected. */
export function formatMatrix(m: MatrixResult): string {
  const codes = m.roles.map((r) => r.code);
  const width = Math.max(...Object.keys(m.cells).map((c) => c.length)) + 2;
  const head = `${'channel'.padEnd(width)}${codes.map((c) => c.padEnd(9)).join('')}access`;
  const lines = Object.entries(m.cells).map(([channel, row]) => {
    const access = (contract[channel as keyof typeof contract] as ChannelDef).access;
    const marks = codes.map((c) => {
      const mark = row[c] === 'allowed' ? '✓' : row[c] === 'FORBIDDEN' ? '·' : '?';
      return (row[c] === m.expected[channel][c] ? mark : `!${mark}`).padEnd(9);
    });
    return `${channel.padEnd(width)}${marks.join('')}${typeof access === 'object' ? access.permission : access}`;
  });
  return [head, ...lines, '', '✓ allowed   · FORBIDDEN   ? session lost   ! differs from the role’s permissions'].join(
    '\n',
  );
}
