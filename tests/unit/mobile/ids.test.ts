import { describe, expect, it } from 'vitest';
import { scanInputSchema } from '../../../electron/core/stocktake/shared/stocktake.contract';
import { newClientId, newDeviceLabel } from '../../../renderer/src/mobile/offline/ids';

describe('client ids made on the phone', () => {
  it('are UUID v4 from getRandomValues, accepted by the scan contract', () => {
    const id = newClientId();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const parsed = scanInputSchema.safeParse({
      stocktakeId: 1,
      clientId: id,
      code: 'a1',
      source: 'camera',
      scannedAt: new Date().toISOString(),
      deviceId: newDeviceLabel(),
    });
    expect(parsed.success).toBe(true);
  });

  it('take all their randomness from the source given (no randomUUID)', () => {
    expect(newClientId((b) => b.fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(newClientId((b) => b.fill(0))).toBe('00000000-0000-4000-8000-000000000000');
    expect(newDeviceLabel((b) => b.fill(0xab))).toBe('m-ababababab');
  });

  it('do not repeat', () => {
    const ids = new Set(Array.from({ length: 5000 }, () => newClientId()));
    expect(ids.size).toBe(5000);
  });
});
