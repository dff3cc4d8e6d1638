import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { settings } from '../../../db/schema';
import type { LogActor } from '../audit/audit.log';
import { diffFields, writeLog } from '../audit/audit.log';
import { type SecuritySettings, securitySettingsSchema } from './shared/settings.contract';
import { defineSetting, parseSetting, type SettingDef } from './settings.store';

const DEFAULT_SECURITY: SecuritySettings = {
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  sessionIdleMinutes: 30,
};

const SECURITY = defineSetting<SecuritySettings>({
  key: 'security',
  schema: securitySettingsSchema,
  defaults: DEFAULT_SECURITY,
  // each stored value over its default; one out of range drops them all (as before)
  overDefaults: (stored, d) => {
    const p = securitySettingsSchema.partial().safeParse(stored);
    return { ...d, ...(p.success ? p.data : {}) };
  },
});

/**
 * The settings table, each key typed by its SettingDef (the feature that owns a key defines it).
 * The security settings are read on every call (session idle time), so they are cached.
 */
export class SettingsService {
  private security: SecuritySettings | null = null;

  constructor(private db: Db) {}

  get<T>(def: SettingDef<T>): T {
    const row = this.db.select({ value: settings.value }).from(settings).where(eq(settings.key, def.key)).get();
    return parseSetting(def, row?.value);
  }

  /** Call inside a transaction, and write the operation-log row beside it. */
  put<T>(def: SettingDef<T>, value: T, at: Date, userId: number): void {
    const set = { value: JSON.stringify(value), updatedAt: at.toISOString(), updatedBy: userId };
    this.db.insert(settings).values({ key: def.key, ...set }).onConflictDoUpdate({ target: settings.key, set }).run();
    if (def.key === SECURITY.key) this.security = null;
  }

  getSecurity(): SecuritySettings {
    this.security ??= this.get(SECURITY);
    return this.security;
  }

  /** Call inside a transaction: writes the value and its operation-log row. */
  updateSecurity(actor: LogActor, next: SecuritySettings, at: Date): SecuritySettings {
    const before = this.getSecurity();
    this.put(SECURITY, next, at, actor.id);
    const changes = diffFields(before, next, ['lockoutThreshold', 'lockoutMinutes', 'sessionIdleMinutes']);
    writeLog(this.db, at, actor, { entity: 'settings', entityId: SECURITY.key, action: 'update', changes });
    return this.getSecurity();
  }

  /** Forget the cache (after a rolled-back transaction). */
  invalidate(): void {
    this.security = null;
  }
}
