import { describe, expect } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { logOf } from '../status/support';
import { test } from '../support/fixtures';
import { snapshot, type TestClient } from '../support/test-core';
import { craftCorrection, craftLine, craftStocktake } from './recon-support';

/** A counted customer with a primary contact and a registered address, and a proposal on its line. */
async function crafted(core: Core, admin: TestClient, proposal: object, status = 'reconciling') {
  const c = await admin.ok('customer.create', {
    name: '更正测试有限公司',
    nature: 'other',
    contacts: [
      { name: '张伟', mobile: '13812345678', phone: '010-88886666', isPrimary: true },
      { name: '李娜', mobile: '13987654321' },
    ],
    addresses: [{ kind: 'registered', country: 'CN', street: '旧街1号', isDefault: true }],
  });
  const st = craftStocktake(core, { status, expected: [{ id: c.id }] });
  const lineId = craftLine(core, st, { customerId: c.id, code: c.code, scans: 1 });
  const id = craftCorrection(core, st, { lineId, customerId: c.id, proposal, before: { contact: { mobile: '13812345678' } } });
  return { st, customerId: c.id, id };
}

describe('a proposed correction', () => {
  test('applied: through customer.update (version, history, log), the correction recorded and logged', async ({ env, admin }) => {
    const { st, customerId, id } = await crafted(env.core, admin, {
      contact: { mobile: '13900001111', phone: '010-12345678' },
      address: { kind: 'registered', country: 'CN', street: '新街2号' },
    });
    const listed = await admin.ok('stocktake.corrections', { id: st.id, status: 'proposed' });
    expect(listed.items).toEqual([expect.objectContaining({ id, customerChanged: false, status: 'proposed', proposedByName: '系统管理员' })]);
    const r = await admin.ok('stocktake.decideCorrection', { id, decision: 'apply' });
    expect(r).toMatchObject({ id, status: 'applied', decidedByName: '系统管理员', customerChanged: false });
    const after = await admin.ok('customer.get', { id: customerId });
    expect(after.version).toBe(2);
    expect(after.contacts.map((c) => [c.name, c.mobile, c.phone, c.isPrimary])).toEqual([
      ['张伟', '13900001111', '010-12345678', true],
      ['李娜', '13987654321', null, false],
    ]);
    expect(after.addresses).toEqual([expect.objectContaining({ kind: 'registered', street: '新街2号', isDefault: true })]);
    const log = (await logOf(admin, customerId)).at(-1);
    expect(log?.action).toBe('update');
    expect(JSON.stringify(log?.changes)).toContain('13900001111');
    const own = env.core.sqlite
      .prepare(`SELECT action FROM operation_log WHERE entity = 'stocktake' AND entity_id = ?`)
      .pluck()
      .all(String(st.id));
    expect(own).toEqual(['applyCorrection']);
    expect((await admin.ok('stocktake.report', { id: st.id })).counts.corrections).toBe(0);
    // decided once only
    expect(await admin.call('stocktake.decideCorrection', { id, decision: 'reject', memo: '再来' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', messageKey: 'stocktake.errors.correctionDecided' },
    });
  });

  test('refused with CONFLICT when the customer changed since, unless the change is accepted', async ({ env, admin }) => {
    const { st, customerId, id } = await crafted(env.core, admin, { contact: { mobile: '13900002222' } });
    const current = await admin.ok('customer.get', { id: customerId });
    await admin.ok('customer.update', {
      id: customerId,
      version: current.version,
      name: current.name,
      nature: current.nature,
      memo: '别人改过',
      contacts: current.contacts.map(({ id: _id, ...c }) => c),
      addresses: current.addresses.map(({ id: _id, ...a }) => a),
    });
    const listed = await admin.ok('stocktake.corrections', { id: st.id });
    expect(listed.items[0].customerChanged).toBe(true);
    const before = snapshot(env.core);
    expect(await admin.call('stocktake.decideCorrection', { id, decision: 'apply' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', messageKey: 'errors.changedBy', params: { by: ['系统管理员'] } },
    });
    expect(snapshot(env.core)).toBe(before);
    const r = await admin.ok('stocktake.decideCorrection', { id, decision: 'apply', acceptChanged: true });
    expect(r.status).toBe('applied');
    const after = await admin.ok('customer.get', { id: customerId });
    expect(after).toMatchObject({ memo: '别人改过', version: 3 });
    expect(after.contacts[0].mobile).toBe('13900002222');
  });

  test('rejected with a memo (required), the customer untouched', async ({ env, admin }) => {
    const { st, customerId, id } = await crafted(env.core, admin, { contact: { mobile: '13900003333' } });
    const before = snapshot(env.core);
    expect(await admin.call('stocktake.decideCorrection', { id, decision: 'reject' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { memo: 'stocktake.validation.reasonRequired' } },
    });
    expect(snapshot(env.core)).toBe(before);
    const r = await admin.ok('stocktake.decideCorrection', { id, decision: 'reject', memo: '号码不对' });
    expect(r).toMatchObject({ status: 'rejected', decisionMemo: '号码不对' });
    expect((await admin.ok('customer.get', { id: customerId })).version).toBe(1);
    expect(
      env.core.sqlite
        .prepare(`SELECT action, reason FROM operation_log WHERE entity = 'stocktake' AND entity_id = ?`)
        .all(String(st.id)),
    ).toEqual([{ action: 'rejectCorrection', reason: '号码不对' }]);
  });

  test('is decided only while reconciling, and only with customer.edit', async ({ env, admin }) => {
    const { id } = await crafted(env.core, admin, { contact: { mobile: '13900004444' } }, 'counting');
    const viewer = await env.userWithRoles('viewer1', ['viewer']);
    const before = snapshot(env.core);
    expect(await admin.call('stocktake.decideCorrection', { id, decision: 'apply' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION', messageKey: 'stocktake.errors.notReconciling' },
    });
    expect(await viewer.call('stocktake.decideCorrection', { id, decision: 'apply' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(snapshot(env.core)).toBe(before);
  });

  test('clears a value, removes the primary contact or an address: proposed distinctly from "unchanged", applied by edit', async ({
    env,
    admin,
  }) => {
    const { st, customerId } = await crafted(env.core, admin, { contact: { mobile: '13900005555' } });
    const lineId = env.core.sqlite.prepare('SELECT id FROM stocktake_lines WHERE stocktake_id = ?').pluck().get(st.id) as number;
    const propose = (proposal: object) => admin.call('stocktake.proposeCorrection', { stocktakeId: st.id, lineId, proposal });
    const contacts = async () =>
      (await admin.ok('customer.get', { id: customerId })).contacts.map((c) => [c.name, c.mobile, c.phone, c.isPrimary]);

    // mobile null: cleared; the phone, left out, stays
    const clearMobile = await propose({ contact: { mobile: null } });
    expect(clearMobile).toMatchObject({ ok: true, data: { proposal: { contact: { mobile: null } } } });
    await admin.ok('stocktake.decideCorrection', { id: (clearMobile as { data: { id: number } }).data.id, decision: 'apply' });
    expect(await contacts()).toEqual([
      ['张伟', null, '010-88886666', true],
      ['李娜', '13987654321', null, false],
    ]);

    // contact null: the primary contact removed (its values kept as `before` for the decider); the
    // customer feature makes the one left primary
    const removeContact = await propose({ contact: null });
    expect(removeContact).toMatchObject({ ok: true, data: { before: { contact: expect.objectContaining({ name: '张伟' }) } } });
    await admin.ok('stocktake.decideCorrection', { id: (removeContact as { data: { id: number } }).data.id, decision: 'apply' });
    expect(await contacts()).toEqual([['李娜', '13987654321', null, true]]);

    // removeAddress: the address of that kind removed
    const removeAddress = await propose({ removeAddress: 'registered' });
    expect(removeAddress).toMatchObject({ ok: true, data: { before: { address: expect.objectContaining({ street: '旧街1号' }) } } });
    await admin.ok('stocktake.decideCorrection', { id: (removeAddress as { data: { id: number } }).data.id, decision: 'apply' });
    expect((await admin.ok('customer.get', { id: customerId })).addresses).toEqual([]);

    // an address both changed and removed is refused at its field; nothing proposed is refused too
    const before = snapshot(env.core);
    expect(await propose({ address: { kind: 'registered', country: 'CN', street: 'x' }, removeAddress: 'registered' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { 'proposal.removeAddress': 'stocktake.validation.correctionAddressTwice' } },
    });
    expect(await propose({})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(snapshot(env.core)).toBe(before);
  });
});
