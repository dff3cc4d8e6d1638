import { describe, expect, it } from 'vitest';
import { Forbidden } from '../../../electron/core/errors';
import { CHANNELS } from '../../../electron/core/shared/contract';
import { PERMISSIONS } from '../../../electron/core/shared/permissions';
import { formatMatrix, type MatrixResult, runMatrix } from './matrix-kit/permission-matrix';
import { readmeRoles, rolesTable } from './matrix-kit/readme-roles';
import { withHandlers } from '../support/test-core';

/**
 * Every channel × every role seeded in the database: FORBIDDEN exactly when the role lacks the
 * channel's permission (session and public channels: allowed for all). `npm run proof -- matrix`
 * prints the same matrix as a table.
 */
let m: MatrixResult;

describe('the permission matrix', () => {
  it('refuses each role exactly the channels whose permission it lacks', { timeout: 120_000 }, async () => {
    m = await runMatrix();
    if (m.mismatches.length) console.log(formatMatrix(m));
    expect(m.roles.map((r) => r.code)).toContain('admin');
    expect(m.roles.length).toBeGreaterThanOrEqual(2);
    expect(Object.keys(m.cells).sort()).toEqual([...CHANNELS].sort());
    expect(m.mismatches).toEqual([]);
    // the matrix is not all one answer: some roles are refused somewhere, every role is let in somewhere
    for (const r of m.roles)
      expect(
        Object.values(m.cells).some((row) => row[r.code] === 'allowed'),
        r.code,
      ).toBe(true);
    expect(Object.values(m.cells).some((row) => Object.values(row).includes('FORBIDDEN'))).toBe(true);
  });

  it('reaches the handlers with valid input (so an allowed cell is a real call)', () => {
    // channels whose valid input the walker cannot build (cross-field refinements) are few
    expect(m.noValidInput.length, m.noValidInput.join(', ')).toBeLessThanOrEqual(3);
  });

  it('matches the README roles table', () => {
    const seeded = Object.fromEntries(m.roles.map((r) => [r.code, [...r.permissions].sort()]));
    const readme = readmeRoles();
    if (JSON.stringify(readme) !== JSON.stringify(seeded))
      console.log(`README.md's roles table should read:\n${rolesTable(m.roles)}`);
    expect(readme).toEqual(seeded);
    // every permission the app knows is held by some role (none named and never granted)
    expect(PERMISSIONS.filter((p) => !m.roles.some((r) => r.permissions.includes(p)))).toEqual([]);
  });
});

describe('the matrix finds a wrong answer', () => {
  it('flags a channel refused to a role that holds its permission', { timeout: 60_000 }, async () => {
    const r = await runMatrix({
      channels: ['customer.pinyin', 'system.ping'],
      features: withHandlers({
        'customer.pinyin': () => {
          throw Forbidden();
        },
      }),
    });
    expect(r.mismatches.length).toBe(r.roles.filter((x) => x.permissions.includes('customer.view')).length);
    expect(
      r.mismatches.every((x) => x.startsWith('customer.pinyin × ') && x.includes('expected allowed, got FORBIDDEN')),
    ).toBe(true);
  });
});

describe('the README roles table parser', () => {
  it('reads role codes and backticked permissions, and finds a difference', () => {
    const text =
      'x\nRoles and their permissions:\n\n  | role | permissions |\n  | --- | --- |\n  | 经理 manager | `b.y`, `a.x` |\n  | 只读 viewer | `a.x` |\n\nmore';
    expect(readmeRoles(text)).toEqual({ manager: ['a.x', 'b.y'], viewer: ['a.x'] });
    expect(readmeRoles(text.replace('`b.y`, ', ''))).not.toEqual({ manager: ['a.x', 'b.y'], viewer: ['a.x'] });
  });
});
