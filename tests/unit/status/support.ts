import { lookupId } from '../customers/support';
import type { TestClient } from '../support/test-core';

/** Creates simple customers (distinct names, no phones) and returns their ids. */
export async function makeCustomers(client: TestClient, names: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const name of names) ids.push((await client.ok('customer.create', { name, nature: 'other' })).id);
  return ids;
}

/** The id of a deactivation reason (停用原因) by its name. */
export const reasonId = (client: TestClient, name: string) => lookupId(client, 'deactivationReason', name);

/** Operation-log rows of one customer, oldest first. */
export async function logOf(client: TestClient, id: number) {
  const r = await client.ok('customer.history', { id, pageSize: 200 });
  return [...r.items].reverse();
}
