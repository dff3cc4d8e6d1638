import type { z } from 'zod';
import type { Sqlite } from '../../../db/open';

/**
 * One key of the `settings` table (key → JSON): its zod schema and its defaults. Every reader
 * goes through `parseSetting` — the SettingsService on Core (drizzle), and the import worker,
 * which has only its own raw connection (`readSetting`) — so a stored value is always checked
 * and defaulted the same way.
 */
export interface SettingDef<T> {
  key: string;
  schema: z.ZodType<T>;
  defaults: T;
  /** Lays the stored JSON over the defaults before the schema checks it (a key added later starts at its default). */
  overDefaults?: (stored: unknown, defaults: T) => unknown;
}

export const defineSetting = <T>(def: SettingDef<T>): SettingDef<T> => def;

/** A stored JSON text checked by the key's schema; the defaults when absent, unreadable or invalid. */
export function parseSetting<T>(def: SettingDef<T>, raw: string | undefined): T {
  if (raw === undefined) return def.defaults;
  let stored: unknown;
  try {
    stored = JSON.parse(raw);
  } catch {
    return def.defaults;
  }
  const parsed = def.schema.safeParse(def.overDefaults ? def.overDefaults(stored, def.defaults) : stored);
  return parsed.success ? parsed.data : def.defaults;
}

/** Read on a raw connection (a worker's): the main side reads through `core.settings.get`. */
export function readSetting<T>(sqlite: Sqlite, def: SettingDef<T>): T {
  return parseSetting(def, sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(def.key) as string | undefined);
}

/** Stores the value on a raw connection (call inside the caller's transaction; the caller writes its own log row). */
export function writeSetting<T>(sqlite: Sqlite, def: SettingDef<T>, value: T, at: string, userId: number): void {
  sqlite
    .prepare(
      `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    )
    .run(def.key, JSON.stringify(value), at, userId);
}
