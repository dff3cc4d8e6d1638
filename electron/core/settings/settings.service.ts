import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { settings } from '../../../db/schema';
import type { LogActor } from '../audit/audit.log';
import { diffFields, writeLog } from '../audit/audit.log';
import { type SecuritySettings, securitySettingsSchema } from './shared/settings.contract';

export const DEFAULT_SECURITY: SecuritySettings = {
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  sessionIdleMinutes: 30,
};

const SECURITY_KEY = 'security';

/** Settings kept in the `settings` table, read through a small cache. */
export class SettingsService {
  private security: SecuritySettings | null = null;

  constructor(private db: Db) {}

  getSecurity(): SecuritySettings {
    if (!this.security) {
      const row = this.db.select().from(settings).where(eq(settings.key, SECURITY_KEY)).get();
      const stored = row ? securitySettingsSchema.partial().safeParse(JSON.parse(row.value)) : null;
      this.security = { ...DEFAULT_SECURITY, ...(stored?.success ? stored.data : {}) };
    }
    return this.security;
  }

  /** Call inside a transaction: writes the value and its operation-log row. */
  updateSecurity(actor: LogActor, next: SecuritySettings, at: Date): SecuritySettings {
    const before = this.getSecurity();
    const value = JSON.stringify(next);
    this.db
      .insert(settings)
      .values({ key: SECURITY_KEY, value, updatedAt: at.toISOString(), updatedBy: actor.id })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: at.toISOString(), updatedBy: actor.id } })
      .run();
    const changes = diffFields(before, next, ['lockoutThreshold', 'lockoutMinutes', 'sessionIdleMinutes']);
    writeLog(this.db, at, actor, { entity: 'settings', entityId: SECURITY_KEY, action: 'update', changes });
    this.security = null;
    return this.getSecurity();
  }

  /** Forget the cache (after a rolled-back transaction). */
  invalidate(): void {
    this.security = null;
  }
}
