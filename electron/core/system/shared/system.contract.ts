import { z } from 'zod';
import { channel } from '../../shared/contract-kit';

/** What can go wrong with the data on disk (electron/core/faults.ts maps SQLite's and the OS's codes). */
const STORAGE_FAULT_KINDS = ['diskFull', 'readOnly', 'corrupt', 'openFailed'] as const;
export type StorageFaultKind = (typeof STORAGE_FAULT_KINDS)[number];

/**
 * The data cannot be used: found at start (the app then serves only this, and the renderer shows
 * the fault page instead of signing in) or, for a damaged file, by a call later on.
 */
const storageFaultSchema = z.object({
  kind: z.enum(STORAGE_FAULT_KINDS),
  /** the data folder and the database file, as the user should look for them */
  dataDir: z.string(),
  file: z.string(),
  /** SQLite's or the operating system's own words, for whoever helps the user */
  detail: z.string(),
  /**
   * For a damaged file ('corrupt'): where it was moved aside (kept for inspection) and the newest
   * backup that passed its check, to restore (backup.restoreDamaged); null for other faults.
   */
  restore: z
    .object({
      movedTo: z.string().nullable(),
      newest: z.object({ fileName: z.string(), at: z.string(), ageHours: z.number() }).nullable(),
    })
    .nullable(),
});
export type StorageFault = z.infer<typeof storageFaultSchema>;

export const systemContract = {
  /** A trivial round trip (benchmarks, connectivity). */
  'system.ping': channel({
    access: 'session',
    input: z.object({ echo: z.string().max(100).optional() }).strict(),
    output: z.object({ echo: z.string().nullable(), at: z.string() }),
  }),
  /** Asked first by the renderer: null when the data is usable, else what is wrong and where. */
  'system.fault': channel({
    access: 'public',
    input: z.object({}).strict(),
    output: storageFaultSchema.nullable(),
  }),
};
