import { z } from 'zod';
import { channel } from '../../shared/contract-kit';

/**
 * Backups (备份与恢复): SQLite online backups of the data file, checked before they count, kept by
 * a retention rule, copied to a second location; restore from a listed backup or a chosen file.
 * The core's side is electron/core/backup/; the page is renderer/src/features/backup/.
 */
const manage = { permission: 'system.backup' } as const;

/** Why a backup was made. */
export const BACKUP_TRIGGERS = ['interval', 'daily', 'exit', 'migration', 'restore', 'manual'] as const;
export type BackupTrigger = (typeof BACKUP_TRIGGERS)[number];

/** The second location's copy of a backup: checked like the first, absent when none is set. */
export const SECOND_COPY_STATES = ['ok', 'failed', 'pending', 'none'] as const;

export const backupEntrySchema = z.object({
  id: z.number().int(),
  /** when it was taken (UTC ISO) */
  at: z.string(),
  trigger: z.enum(BACKUP_TRIGGERS),
  /** the file's name in the backups folder */
  fileName: z.string(),
  sizeBytes: z.number().int(),
  durationMs: z.number().int(),
  /** the tag of the last migration the copy holds (db/migrations) */
  schemaVersion: z.string(),
  /** rows of the main tables in the copy: table → count */
  counts: z.record(z.string(), z.number().int()),
  /** the copy's own check (integrity_check, schema version, counts): only 'ok' backups are offered for restore */
  check: z.enum(['ok', 'failed']),
  /** what the check found wrong (SQLite's words), null when ok */
  checkDetail: z.string().nullable(),
  /** the file is still in the backups folder (false: pruned by the retention rule, or gone) */
  present: z.boolean(),
  secondCopy: z.enum(SECOND_COPY_STATES),
  /** who asked for it (manual, restore); null for the automatic ones */
  byUserName: z.string().nullable(),
});
export type BackupEntry = z.infer<typeof backupEntrySchema>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'validation.invalid_format');
const int = (min: number, max: number) =>
  z.number('validation.required').int('validation.range').min(min, 'validation.range').max(max, 'validation.range');

export const backupSettingsSchema = z
  .object({
    /** a backup every N minutes while data changed */
    intervalMinutes: int(5, 1440),
    /** the daily backup's local time, HH:mm; null: none */
    dailyAt: hhmm.nullable(),
    /** retention: every backup of the last N hours, one a day for N days, one a month for N months */
    keepAllHours: int(1, 24 * 30),
    keepDailyDays: int(0, 3650),
    keepMonthlyMonths: int(0, 1200),
    /** a USB disk or a network folder each good backup is copied to; null: none */
    secondLocation: z.string().trim().min(1, 'validation.required').max(1000, 'validation.tooLong').nullable(),
    /** the status bar warns when the last good backup is older than this */
    warnAfterDays: int(1, 365),
  })
  .strict();
export type BackupSettings = z.infer<typeof backupSettingsSchema>;
/** The settings' fields, in the form's order. */
export const BACKUP_SETTING_FIELDS = Object.keys(backupSettingsSchema.shape) as (keyof BackupSettings)[];

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = {
  intervalMinutes: 15,
  dailyAt: '18:00',
  keepAllHours: 24,
  keepDailyDays: 30,
  keepMonthlyMonths: 12,
  secondLocation: null,
  warnAfterDays: 2,
};

/** What the status bar and the page's header show to every signed-in user. */
export const backupStatusSchema = z.object({
  /** the newest backup whose check passed (UTC ISO), null: none yet */
  lastGoodAt: z.string().nullable(),
  /** lastGoodAt is older than warnAfterDays, or there is none */
  stale: z.boolean(),
  warnAfterDays: z.number().int(),
  /** the second location: null when none is set */
  secondLocation: z
    .object({
      path: z.string(),
      /** false: the last attempt could not reach it (the app keeps trying) */
      reachable: z.boolean(),
      /** the OS's words for why, when unreachable */
      error: z.string().nullable(),
      lastCheckedAt: z.string().nullable(),
    })
    .nullable(),
  /** a backup being made now */
  running: z.object({ trigger: z.enum(BACKUP_TRIGGERS), startedAt: z.string() }).nullable(),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

/** A file checked before a restore: what it is and whether it may be restored. */
export const backupInspectionSchema = z.object({
  path: z.string(),
  sizeBytes: z.number().int(),
  /** null: it may be restored; else why not (a message key of backup.refusal.*) */
  refusal: z.string().nullable(),
  /** SQLite's words, when the check failed */
  detail: z.string().nullable(),
  schemaVersion: z.string().nullable(),
  /** older than the app's: migrated after restoring */
  needsMigration: z.boolean(),
  counts: z.record(z.string(), z.number().int()),
  /** the newest operation log entry in it (UTC ISO): how recent its data is */
  lastChangeAt: z.string().nullable(),
});
export type BackupInspection = z.infer<typeof backupInspectionSchema>;

/** A path on this computer (the server's), as a file dialog or the user gives it. */
const pathInput = z.string().trim().min(1, 'validation.required').max(1000, 'validation.tooLong');
const restoreSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('listed'), id: z.number().int().positive() }).strict(),
  z.object({ kind: z.literal('file'), path: pathInput }).strict(),
]);

/**
 * Progress of a backup or a restore: the `backup.progress` event, to every signed-in user with
 * system.backup (pages copied of the file's pages, then the check).
 */
export const backupProgressSchema = z.object({
  phase: z.enum(['copy', 'check', 'second', 'restore']),
  done: z.number().int(),
  total: z.number().int(),
});
export type BackupProgress = z.infer<typeof backupProgressSchema>;

export const backupContract = {
  /** The status bar's: when the last good backup was made, the second location's state. */
  'backup.status': channel({ access: 'session', input: z.object({}).strict(), output: backupStatusSchema }),
  /** The backups, newest first, and the folder they are in. */
  'backup.list': channel({
    access: manage,
    input: z.object({}).strict(),
    output: z.object({ folder: z.string(), backups: z.array(backupEntrySchema) }),
  }),
  /** 立即备份: makes a backup now and answers when it is made and checked. */
  'backup.run': channel({ writes: true, access: manage, input: z.object({}).strict(), output: backupEntrySchema }),
  'backup.getSettings': channel({ access: manage, input: z.object({}).strict(), output: backupSettingsSchema }),
  'backup.saveSettings': channel({
    writes: true,
    thisPcOnly: true,
    access: manage,
    input: backupSettingsSchema,
    output: backupSettingsSchema,
  }),
  /** Copies a listed backup to a file the user chose (a path on this computer). */
  'backup.export': channel({
    writes: true,
    thisPcOnly: true,
    access: manage,
    input: z.object({ id: z.number().int().positive(), path: pathInput }).strict(),
    output: z.object({ path: z.string(), sizeBytes: z.number().int() }),
  }),
  /** Checks a chosen file before a restore is offered (opens, integrity, this app's, schema version). */
  'backup.inspect': channel({
    thisPcOnly: true,
    access: manage,
    input: z.object({ path: pathInput }).strict(),
    output: backupInspectionSchema,
  }),
  /**
   * Restores a listed backup or a chosen file: checked first, the current data backed up first,
   * then the app reopens on it and everyone signed in is signed out (this caller too).
   */
  'backup.restore': channel({
    writes: true,
    thisPcOnly: true,
    access: manage,
    input: z
      .object({ source: restoreSource, reason: z.string().trim().max(500, 'validation.tooLong').optional() })
      .strict(),
    output: z.object({ restoredFrom: z.string(), preRestoreBackupId: z.number().int().nullable() }),
  }),
  /**
   * The damaged-file offer at start (system.fault's `restore`): restores the newest backup that
   * passed its check. Public: nobody can sign in to a damaged file; refused unless the core is in
   * the 'corrupt' fault.
   */
  'backup.restoreDamaged': channel({
    writes: true,
    thisPcOnly: true,
    access: 'public',
    input: z.object({ fileName: z.string().min(1).max(300) }).strict(),
    output: z.object({ restoredFrom: z.string() }),
  }),
};
