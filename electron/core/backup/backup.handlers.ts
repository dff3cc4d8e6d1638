import type { HandlersOf } from '../handler';
import { requireActor } from '../actor';
import * as backups from './backup.service';
import * as restore from './restore.service';
import type { backupContract } from './shared/backup.contract';

export const backupHandlers: HandlersOf<typeof backupContract> = {
  'backup.status': ({ core }) => backups.status(core),
  'backup.list': ({ core }) => backups.list(core),
  'backup.run': ({ core, actor }) => backups.runNow(core, requireActor(actor)),
  'backup.getSettings': ({ core }) => backups.getSettings(core),
  'backup.saveSettings': ({ core, actor }, input) => backups.saveSettings(core, requireActor(actor), input),
  'backup.export': ({ core, actor }, input) => backups.exportBackup(core, requireActor(actor), input),
  'backup.inspect': ({ core }, input) => restore.inspect(core, input.path),
  'backup.restore': ({ core, actor }, input) => restore.restore(core, requireActor(actor), input),
  'backup.restoreDamaged': ({ core }, input) => restore.restoreDamaged(core, input.fileName),
};
