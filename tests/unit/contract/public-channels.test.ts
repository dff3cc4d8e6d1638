import { describe, expect, it } from 'vitest';
import { CHANNELS, contract } from '../../../electron/core/shared/contract';
import { PUBLIC_CHANNELS } from '../../../renderer/src/api/publicChannels';

// The renderer's client keeps its own list of the channels usable without a session (so the
// sign-in chunk need not carry the contract): it must name exactly the contract's public ones,
// or a signed-out call would send the user to sign in (missing) or a lost session go unnoticed (extra).
describe('the renderer list of public channels', () => {
  it('names exactly the channels the contract marks public', () => {
    const inContract = CHANNELS.filter((c) => contract[c].access === 'public').sort();
    expect(inContract.length).toBeGreaterThan(0);
    expect([...PUBLIC_CHANNELS].sort()).toEqual(inContract);
  });
});
