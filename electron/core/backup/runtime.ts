import { defaultMigrationsFolder } from '../../../db/open';
import type { Core } from '../core';
import type { BackupTrigger } from './shared/backup.contract';

/**
 * What the backup feature keeps in memory for one core: the backup being made (one at a time)
 * and what the last try of the second location found. It hangs on the core object itself (under
 * a symbol), so that two cores never share it and it goes with its core.
 */
export interface BackupRuntime {
  running: { trigger: BackupTrigger; startedAt: string } | null;
  /** the backup being made, for whoever asks for another meanwhile (they wait for it) */
  current: Promise<unknown> | null;
  second: { path: string; reachable: boolean; error: string | null; lastCheckedAt: string | null } | null;
  /** the manifests were read into the table and leftovers removed (once per core) */
  started: boolean;
}

const RUNTIME = Symbol('backup.runtime');
type WithRuntime = Core & { [RUNTIME]?: BackupRuntime };

export function runtimeOf(core: Core): BackupRuntime {
  const c = core as WithRuntime;
  c[RUNTIME] ??= { running: null, current: null, second: null, started: false };
  return c[RUNTIME];
}

/** The migrations the core's copies are checked against (the folder the core was opened with). */
export function migrationsOf(core: Core): string {
  return core.migrationsFolder ?? defaultMigrationsFolder(process.cwd());
}
