import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEnv, type TestClient, type TestEnv } from '../../support/test-core';

/**
 * A fragment with digits is still asked of the readings: a 助记码 may hold digits (A–Z, 0–9) and
 * a name's letters and digits are kept in its readings (3M中国 → 3mzg), so a digit does not mean
 * "phone or tax ID only". The 5-gram table (phones, tax IDs, names) answers the rest.
 */
let env: TestEnv;
let admin: TestClient;
const names = async (q: string) =>
  ((await admin.ok('customer.search', { q })) as { items: { name: string }[] }).items.map((r) => r.name);

beforeAll(async () => {
  env = await makeEnv();
  admin = await env.admin();
  await admin.ok('customer.create', { name: '张伟五金店', mnemonic: 'ZW2024A' });
  await admin.ok('customer.create', { name: '3M中国有限公司' });
  await admin.ok('customer.create', { name: '北京二零二四科技', contacts: [{ name: '王', mobile: '13920245678' }] });
});
afterAll(() => env.close());

describe('a search fragment with digits', () => {
  it('finds a 助记码 with digits, by its start (5+ characters too)', async () => {
    expect(await names('zw20')).toEqual(['张伟五金店']);
    expect(await names('zw2024')).toEqual(['张伟五金店']);
    expect(await names('ZW2024A')).toEqual(['张伟五金店']);
  });

  it('finds the readings of a name with digits', async () => {
    expect(await names('3mzg')).toEqual(['3M中国有限公司']);
    expect(await names('3mzhongguo')).toEqual(['3M中国有限公司']);
  });

  it('finds phones by any fragment, and nothing in the middle of a reading', async () => {
    expect(await names('20245')).toEqual(['北京二零二四科技']);
    expect(await names('2024a')).toEqual([]);
  });
});
