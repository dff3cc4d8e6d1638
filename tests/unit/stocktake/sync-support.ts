import { randomUUID } from 'node:crypto';
import type { ChannelInput, ChannelOutput } from '../../../electron/core/shared/contract';

type SyncItem = ChannelOutput<'stocktake.syncScans'>['items'][number];
export type WaitingScan = ChannelInput<'stocktake.syncScans'>['scans'][number];

/** A scan as the phone keeps it waiting (read by the camera while offline; a fresh client id unless given). */
export function waiting(code: string, clientId: string = randomUUID()): WaitingScan {
  return { clientId, code, source: 'camera', scannedAt: '2026-01-05T01:00:00.000Z', deviceId: 'phone-1' };
}

/** The acks of a sync's answer, failing when an item is a refusal. */
export function acksOf(items: SyncItem[]) {
  return items.map((x) => {
    if ('error' in x) throw new Error(`refused: ${JSON.stringify(x)}`);
    return x;
  });
}
