import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '../actor';
import { diffFields, writeLog } from '../audit/audit.log';
import type { Core } from '../core';
import { InvalidField } from '../errors';
import { defineSetting } from '../settings/settings.store';
import { inTransaction } from '../transaction';
import { BACKUP_SETTING_FIELDS, type BackupSettings, backupSettingsSchema, DEFAULT_BACKUP_SETTINGS } from './shared/backup.contract';

/** The backup settings: key 'backup' of the settings table, each value over its default. */
export const BACKUP_SETTING = defineSetting<BackupSettings>({
  key: 'backup',
  schema: backupSettingsSchema,
  defaults: DEFAULT_BACKUP_SETTINGS,
  overDefaults: (stored, d) => ({ ...d, ...(typeof stored === 'object' && stored ? stored : {}) }),
});

export function getSettings(core: Core): BackupSettings {
  return core.settings.get(BACKUP_SETTING);
}

/**
 * Refuses a second location that is not a folder this process can write: absent, a file, not
 * absolute, or writing refused (the OS's check by a probe file, removed at once).
 */
export function secondLocationProblem(dir: string): string | null {
  if (!path.isAbsolute(dir)) return 'backup.refusal.secondNotAbsolute';
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch {
    return 'backup.refusal.secondMissing';
  }
  if (!st.isDirectory()) return 'backup.refusal.secondNotFolder';
  const probe = path.join(dir, `.kehu-write-test-${process.pid}-${Date.now()}`);
  try {
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe, { force: true });
  } catch {
    return 'backup.refusal.secondNotWritable';
  }
  return null;
}


/** Saves the settings (validated by the contract; the second location checked here) and logs the change. */
export function saveSettings(core: Core, actor: Actor, input: BackupSettings): BackupSettings {
  const next = backupSettingsSchema.parse(input);
  const before = getSettings(core);
  // a folder already set is not probed again unless it changed: an unplugged disk must not block the other settings
  if (next.secondLocation !== null && next.secondLocation !== before.secondLocation) {
    const problem = secondLocationProblem(next.secondLocation);
    if (problem) throw InvalidField('secondLocation', problem, { path: next.secondLocation });
  }
  const changes = diffFields(before, next, BACKUP_SETTING_FIELDS);
  if (!Object.keys(changes).length) return before;
  const at = core.clock.now();
  inTransaction(core, () => {
    core.settings.put(BACKUP_SETTING, next, at, actor.id);
    writeLog(core.db, at, actor, { entity: 'settings', entityId: BACKUP_SETTING.key, action: 'update', changes });
  });
  return getSettings(core);
}
