import { describe, expect } from 'vitest';
import { usccProblem } from '../../../electron/core/customers/shared/customer.rules';
import { test } from '../support/fixtures';
import type { TestEnv } from '../support/test-core';
import { snapshot } from '../support/test-core';
import { uscc } from './support';

/**
 * 统一社会信用代码 issued in Xiamen's pilot before GB 32100 (real registrations) carry a check
 * character the standard's formula does not give: they are saved after an explicit confirmation,
 * with the warning in the operation log. A wrong length or a letter outside the alphabet stays an error.
 */
const PILOT = ['91350211M00013FA1N', '91350203M0001QAY9B'];

const logWarnings = (env: TestEnv, customerId: number) =>
  (
    env.core.sqlite
      .prepare("SELECT action, changes FROM operation_log WHERE entity = 'customer' AND entity_id = ? ORDER BY id")
      .all(String(customerId)) as { action: string; changes: string | null }[]
  ).map((r) => [r.action, r.changes ? (JSON.parse(r.changes).warnings ?? null) : null]);

describe('the check of a USCC', () => {
  test('tells a wrong check character (pilot-era codes) from a wrong shape', () => {
    for (const code of PILOT) expect(usccProblem(code), code).toBe('checksum');
    expect(usccProblem(uscc('91350211MA2Y0000X'))).toBeNull();
    expect(usccProblem('91350211M00013FA1')).toBe('format'); // 17 characters
    expect(usccProblem('91350211M00013FA1NN')).toBe('format'); // 19
    expect(usccProblem('91350211M00013FAIN')).toBe('format'); // I is not in the alphabet
  });
});

describe('saving a pilot-era USCC', () => {
  test('asks for confirmation first and saves nothing without it', async ({ env, admin }) => {
    const before = snapshot(env.core);
    for (const taxId of PILOT) {
      expect(await admin.call('customer.create', { name: '厦门试点企业', taxId })).toEqual({
        ok: false,
        error: {
          code: 'TAX_ID_CHECKSUM',
          messageKey: 'customers.errors.taxIdChecksum',
          fields: { taxId: 'customers.validation.usccChecksum' },
        },
      });
    }
    expect(snapshot(env.core)).toBe(before);
  });

  test('saves it when confirmed and logs the warning in the create row', async ({ env, admin }) => {
    const c = await admin.ok('customer.create', { name: '厦门试点企业', taxId: PILOT[0], confirmTaxIdChecksum: true });
    expect(c.taxId).toBe(PILOT[0]);
    expect(logWarnings(env, c.id)).toEqual([['create', { before: null, after: ['taxIdChecksum'] }]]);
    const [entry] = (await admin.ok('customer.history', { id: c.id })).items;
    expect(entry.changes!.warnings).toEqual({ before: null, after: ['taxIdChecksum'] });
  });

  test('keeps refusing a wrong length or a character outside the alphabet, confirmed or not', async ({
    env,
    admin,
  }) => {
    const before = snapshot(env.core);
    for (const taxId of ['91350211M00013FA1', '91350211M00013FAIN']) {
      const r = await admin.call('customer.create', { name: '格式错误', taxId, confirmTaxIdChecksum: true });
      expect(r, taxId).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', fields: { taxId: 'customers.validation.uscc' } },
      });
    }
    expect(snapshot(env.core)).toBe(before);
  });

  test('on edit: asks when the code is changed to a pilot-era one, not again for other edits', async ({
    env,
    admin,
  }) => {
    const c = await admin.ok('customer.create', { name: '厦门思明贸易', taxId: uscc('91350203MA2Y0000X') });
    const input = { id: c.id, name: '厦门思明贸易', taxId: PILOT[1] };
    const before = snapshot(env.core);
    expect(await admin.call('customer.update', { ...input, version: 1 })).toMatchObject({
      ok: false,
      error: { code: 'TAX_ID_CHECKSUM' },
    });
    expect(snapshot(env.core)).toBe(before);
    await admin.ok('customer.update', { ...input, version: 1, confirmTaxIdChecksum: true });
    // later edits of other fields keep the confirmed code without asking again
    const edited = await admin.ok('customer.update', { ...input, version: 2, memo: '只改备注' });
    expect(edited).toMatchObject({ taxId: PILOT[1], memo: '只改备注', version: 3 });
    expect(logWarnings(env, c.id)).toEqual([
      ['create', null],
      ['update', { before: null, after: ['taxIdChecksum'] }],
      ['update', null],
    ]);
  });

  test('does not apply to foreign or personal tax IDs that are not 18 characters', async ({ env, admin }) => {
    const foreign = await admin.ok('customer.create', {
      name: 'Muster GmbH',
      taxId: 'DE129273398',
      addresses: [{ kind: 'registered', country: 'DE', street: 'Hauptstraße 1, Berlin' }],
    });
    expect(logWarnings(env, foreign.id)).toEqual([['create', null]]);
  });
});
