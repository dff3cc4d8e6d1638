import type { Actor } from '../actor';
import type { Core } from '../core';
import { Refused } from '../errors';
import type { BackupEntry, BackupSettings, BackupStatus } from './shared/backup.contract';

// The backups' service: taken, checked, recorded, pruned, copied to the second location.
// (Being built: the signatures the handlers call.)
const notYet = () => Refused('INTERNAL', 'errors.internal');

export function status(_core: Core): BackupStatus {
  throw notYet();
}
export function list(_core: Core): { folder: string; backups: BackupEntry[] } {
  throw notYet();
}
export async function runNow(_core: Core, _actor: Actor): Promise<BackupEntry> {
  throw notYet();
}
export function getSettings(_core: Core): BackupSettings {
  throw notYet();
}
export function saveSettings(_core: Core, _actor: Actor, _input: BackupSettings): BackupSettings {
  throw notYet();
}
export async function exportBackup(
  _core: Core,
  _actor: Actor,
  _input: { id: number; path: string },
): Promise<{ path: string; sizeBytes: number }> {
  throw notYet();
}
