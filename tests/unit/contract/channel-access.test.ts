import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract } from '../../../electron/core/shared/contract';
import type { ChannelDef } from '../../../electron/core/shared/contract-kit';
import { makeEnv, snapshot, type TestClient, type TestEnv } from '../support/test-core';

// Walks every channel of the contract: without a session it is refused (public ones excepted),
// and for a user whose roles lack the channel's permission it is refused — changing nothing.
let env: TestEnv;
let noPermissions: TestClient;

beforeAll(async () => {
  env = await makeEnv();
  await env.admin();
  noPermissions = await env.userWithRoles('nobody', []);
});
afterAll(() => env.close());

const PUBLIC = new Set(['auth.status', 'auth.setup', 'auth.login', 'system.fault', 'backup.restoreDamaged']);

const guarded = CHANNELS.filter((c) => contract[c].access !== 'public');
const permissioned = CHANNELS.filter((c) => typeof contract[c].access === 'object');

describe.each(guarded)('%s without a session', (channel) => {
  it('is refused and changes nothing', async () => {
    const before = snapshot(env.core);
    const r = await env.client().call(channel, {});
    expect(r).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', messageKey: 'errors.unauthenticated' } });
    expect(snapshot(env.core)).toBe(before);
  });
});

describe.each(permissioned)('%s for a role lacking its permission', (channel) => {
  it('is refused and changes nothing', async () => {
    const before = snapshot(env.core);
    const r = await noPermissions.call(channel, {});
    expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', messageKey: 'errors.forbidden' } });
    expect(snapshot(env.core)).toBe(before);
  });
});

describe('the contract', () => {
  it('covers every channel: public, session-only or permission-guarded', () => {
    expect(guarded.length + PUBLIC.size).toBe(CHANNELS.length);
    expect(permissioned.length).toBeGreaterThan(0);
  });

  it('flags every channel that changes the database as writing (it waits for a long import)', () => {
    const flag = (c: (typeof CHANNELS)[number]) => (contract[c] as ChannelDef).writes === true;
    const mutating = CHANNELS.filter((c) =>
      /\.(setup|login|logout|change\w*|set\w*|create|update\w*|reset\w*|freeze|unfreeze|deactivate|reactivate|cancel\w*|start|keep)$/.test(
        c,
      ),
    );
    const reading = CHANNELS.filter((c) =>
      /\.(list|get\w*|search|status\w*|candidates|runs|facets|history|options|check\w*|next\w*|pinyin|ping)$/.test(c),
    );
    expect(mutating.length).toBeGreaterThan(10);
    expect(mutating.filter((c) => !flag(c))).toEqual([]);
    expect(reading.filter(flag)).toEqual([]);
  });

  it('has a public channel only for status, setup, login and the damaged-file restore', () => {
    expect(CHANNELS.filter((c) => contract[c].access === 'public').sort()).toEqual([...PUBLIC].sort());
  });

  it('refuses an unknown channel', async () => {
    const r = await env.client().callRaw('user.dropAll' as never, {});
    expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });
});
