import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * 办公室网络: the devices paired with this PC (other PCs' apps, phones' and PCs' browsers) and the
 * one-time pairings that admit them. Secrets are never stored: a device's secret and a pairing's
 * token and short code are kept as SHA-256 hashes (hex), so the data file alone admits nobody.
 */
export const networkDevices = sqliteTable(
  'network_devices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** what the admin called it when pairing (else the browser's or PC's own name) */
    name: text('name').notNull(),
    /** 'browser' (a phone's or PC's browser: the device cookie) | 'desktop' (another PC's app) */
    kind: text('kind').notNull(),
    /** SHA-256 (hex) of the device secret the device presents on every call */
    secretHash: text('secret_hash').notNull().unique(),
    /** the address it paired from, then the one it was last seen at */
    address: text('address'),
    userAgent: text('user_agent'),
    pairedAt: text('paired_at').notNull(),
    /** the user who made the pairing code */
    pairedBy: integer('paired_by').notNull(),
    lastSeenAt: text('last_seen_at'),
    revokedAt: text('revoked_at'),
    revokedBy: integer('revoked_by'),
    revokeReason: text('revoke_reason'),
  },
  (t) => [index('network_devices_paired_at').on(t.pairedAt)],
);

/** A pairing code: valid for a few minutes, used at most once (used_at, device_id). */
export const networkPairings = sqliteTable(
  'network_pairings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** SHA-256 (hex) of the token the QR code's address carries */
    tokenHash: text('token_hash').notNull().unique(),
    /** SHA-256 (hex) of the short code a person types instead */
    codeHash: text('code_hash').notNull().unique(),
    kind: text('kind').notNull(),
    /** the name the device will have (optional; else the device's own) */
    name: text('name'),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    createdBy: integer('created_by').notNull(),
    usedAt: text('used_at'),
    deviceId: integer('device_id'),
  },
  (t) => [index('network_pairings_expires_at').on(t.expiresAt)],
);
