import path from 'node:path';
import { type LogActor, writeLog } from '../audit/audit.log';
import type { Core } from '../core';
import { inTransaction } from '../transaction';

export interface RestoreRecord {
  /** the backup's file name, or the chosen file's path */
  from: string;
  /** a listed backup, a chosen file, or the damaged-file offer at start */
  kind: 'listed' | 'file' | 'damaged';
  reason: string | null;
  /** the backup of the data that was replaced (null: a damaged file, kept aside instead) */
  preRestoreBackup: string | null;
}

/**
 * The restore, in the operation log of the RESTORED data (the replaced data's log is in the
 * pre-restore backup): who (the name is copied: the user may not exist in the restored data),
 * from which backup or file, why, and the pre-restore backup's file name.
 */
export function recordRestore(core: Core, actor: LogActor | null, r: RestoreRecord): void {
  inTransaction(core, () => {
    writeLog(core.db, core.clock.now(), actor, {
      entity: 'backup',
      entityId: path.basename(r.from),
      action: 'restore',
      reason: r.reason,
      changes: {
        source: { before: null, after: r.from },
        sourceKind: { before: null, after: r.kind },
        preRestoreBackup: { before: null, after: r.preRestoreBackup },
      },
    });
  });
}
