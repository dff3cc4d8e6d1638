import { randomUUID } from 'node:crypto';
import type { Core } from '../../../electron/core/core';
import type { ChannelInput } from '../../../electron/core/shared/contract';
import { lookupId } from '../customers/support';
import type { TestClient } from '../support/test-core';

/** Customers made through customer.create: their ids and codes, in the order given. */
export async function customersIn(
  client: TestClient,
  names: string[],
  extra: Partial<ChannelInput<'customer.create'>> = {},
): Promise<{ id: number; code: string }[]> {
  const out: { id: number; code: string }[] = [];
  for (const name of names) {
    const c = await client.ok('customer.create', { name, nature: 'other', ...extra });
    out.push({ id: c.id, code: c.code });
  }
  return out;
}

export const category = (client: TestClient, name: string) => lookupId(client, 'category', name);

/** A scan as the counting screen sends it (a fresh client id unless given). */
export function scanOf(stocktakeId: number, code: string, clientId: string = randomUUID()): ChannelInput<'stocktake.scan'> {
  return { stocktakeId, clientId, code, source: 'scanner', scannedAt: '2026-01-05T01:00:00.000Z' };
}

/** A counting stocktake over the given customers (a selection), started. */
export async function countingOver(client: TestClient, ids: number[], name = '年度盘点') {
  return client.ok('stocktake.create', { name, scope: { kind: 'selection', ids }, start: true });
}

export const rowsOf = (core: Core, table: string): number =>
  core.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

/** The operation log's stocktake rows, oldest first. */
export function stocktakeLog(core: Core, id: number) {
  return core.sqlite
    .prepare(`SELECT action, changes, reason, user_name AS userName FROM operation_log WHERE entity = 'stocktake' AND entity_id = ? ORDER BY id`)
    .all(String(id)) as { action: string; changes: string | null; reason: string | null; userName: string | null }[];
}
