import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { requireActor } from '../../../electron/core/actor';
import { backgroundTick } from '../../../electron/core/background';
import { dispatch } from '../../../electron/core/dispatch';
import { defineFeature } from '../../../electron/core/feature';
import type { TransportCtx } from '../../../electron/core/handler';
import { channel } from '../../../electron/core/shared/contract-kit';
import { makeEnv, snapshot, type TestEnv, withFeature } from '../support/test-core';

/**
 * "A new feature is one folder per layer plus one line in the list": a feature made here (its
 * zod contract with one channel, its handler, a timer) is given to a core as the app's list plus
 * it, and its channel answers through the same dispatcher as every other: session, permission,
 * input, handler, output.
 */

// electron/core/greet/shared/greet.contract.ts would hold this (zod only)
const greetContract = {
  'greet.hello': channel({
    input: z.object({ name: z.string().trim().min(1, 'validation.required').max(20, 'validation.tooLong') }).strict(),
    output: z.object({ greeting: z.string(), by: z.string() }),
    access: { permission: 'customer.view' },
  }),
};

// electron/core/greet/greet.feature.ts would hold this (the handler typed against its contract)
const ticks: string[] = [];
const greetFeature = defineFeature({
  name: 'greet',
  contract: greetContract,
  handlers: {
    'greet.hello': ({ actor }, input) => ({ greeting: `你好，${input.name}`, by: requireActor(actor).username }),
  },
  timers: [{ name: 'greet.tick', run: (core) => void ticks.push(core.clock.now().toISOString()) }],
});

let env: TestEnv;
/** A call of the new channel as a window makes it (the app's typed client knows only the app's channels). */
const hello = (core: TestEnv['core'], client: TransportCtx, input: unknown) =>
  dispatch(core, 'greet.hello', input, client);
afterEach(() => env.close());

describe('a feature added to a core', () => {
  it('answers its channel through the dispatcher: result, contract-shaped refusal, permission', async () => {
    env = await makeEnv({ features: withFeature(greetFeature) });
    const viewer = await env.userWithRoles('viewer1', ['viewer']);
    expect(await hello(env.core, viewer, { name: ' 小王 ' })).toEqual({
      ok: true,
      data: { greeting: '你好，小王', by: 'viewer1' },
    });

    const before = snapshot(env.core);
    expect(await hello(env.core, viewer, { name: '' })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', messageKey: 'errors.invalidInput', fields: { name: 'validation.required' } },
    });
    expect(await hello(env.core, viewer, { name: 'x', extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { _: 'validation.unrecognized_keys' } },
    });
    expect(snapshot(env.core)).toBe(before);

    const nobody = await env.userWithRoles('norole', []);
    expect(await hello(env.core, nobody, { name: '小王' })).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', messageKey: 'errors.forbidden' },
    });
    expect(await hello(env.core, env.client(), { name: '小王' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });

  it('runs its timers with the others, and exists only on the core it was given to', async () => {
    env = await makeEnv({ features: withFeature(greetFeature) });
    ticks.length = 0;
    await backgroundTick(env.core);
    expect(ticks).toEqual([env.clock.now().toISOString()]);

    const plain = await makeEnv();
    try {
      const admin = await plain.admin();
      expect(await hello(plain.core, admin, { name: '小王' })).toMatchObject({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL' },
      });
      await backgroundTick(plain.core);
      expect(ticks).toHaveLength(1);
    } finally {
      plain.close();
    }
  });
});
