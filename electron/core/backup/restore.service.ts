import type { Actor } from '../actor';
import type { Core } from '../core';
import { Refused } from '../errors';
import type { BackupInspection } from './shared/backup.contract';

// Restores: a file checked first, the current data backed up first, the app reopened on it.
// (Being built: the signatures the handlers call.)
const notYet = () => Refused('INTERNAL', 'errors.internal');

export async function inspect(_core: Core, _path: string): Promise<BackupInspection> {
  throw notYet();
}
export async function restore(
  _core: Core,
  _actor: Actor,
  _input: { source: { kind: 'listed'; id: number } | { kind: 'file'; path: string }; reason?: string },
): Promise<{ restoredFrom: string; preRestoreBackupId: number | null }> {
  throw notYet();
}
export async function restoreDamaged(_core: Core, _fileName: string): Promise<{ restoredFrom: string }> {
  throw notYet();
}
