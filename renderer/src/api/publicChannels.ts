import type { Channel } from '../../../electron/core/shared/contract';

/**
 * The channels a caller may use without a session (`access: 'public'` in the contract). Written
 * out so the first chunk need not carry the contract and zod to read four flags; a unit test
 * (tests/unit/auth/publicChannels.test.ts) checks the list against the contract.
 */
export const PUBLIC_CHANNELS: ReadonlySet<Channel> = new Set<Channel>([
  'auth.status',
  'auth.setup',
  'auth.login',
  'system.fault',
  'backup.restoreDamaged',
]);
