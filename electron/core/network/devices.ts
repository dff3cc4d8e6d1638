import type { Actor } from '../actor';
import { writeLog } from '../audit/audit.log';
import type { Core } from '../core';
import { Refused } from '../errors';
import { inTransaction } from '../transaction';
import { networkRuntime } from './runtime';
import { isRevokedHash, recordRevokedHash } from './revoked-file';
import { hashSecret } from './secrets';
import type { Device, DeviceKind } from './shared/network.contract';

/** 设备: the devices paired with this PC, as the page lists them; and the listener's look-ups. */

export const DEVICE_REVOKED_EVENT = 'network.deviceRevoked';
const TOUCH_EVERY_MS = 60_000;

const DEVICE_SQL = `SELECT d.id, d.name, d.kind, d.address, d.user_agent AS userAgent, d.paired_at AS pairedAt,
    p.display_name AS pairedByName, d.last_seen_at AS lastSeenAt, d.revoked_at AS revokedAt,
    r.display_name AS revokedByName, d.revoke_reason AS revokeReason
  FROM network_devices d LEFT JOIN users p ON p.id = d.paired_by LEFT JOIN users r ON r.id = d.revoked_by`;

type DeviceRow = Omit<Device, 'sessions'>;

/** Sessions signed in on the device now (SessionStore.countOnDevice). */
function sessionsOn(core: Core, deviceId: number): number {
  return core.sessions.countOnDevice(deviceId);
}

const withSessions = (core: Core, row: DeviceRow): Device => ({ ...row, sessions: sessionsOn(core, row.id) });

/** Every paired device, revoked ones last, newest first. */
export function listDevices(core: Core): Device[] {
  const rows = core.sqlite
    .prepare(`${DEVICE_SQL} ORDER BY d.revoked_at IS NOT NULL, d.paired_at DESC, d.id DESC`)
    .all() as DeviceRow[];
  return rows.map((r) => withSessions(core, r));
}

/** One device; refused as `network.errors.notFound` when there is none with that id. */
export function getDevice(core: Core, deviceId: number): Device {
  const row = core.sqlite.prepare(`${DEVICE_SQL} WHERE d.id = ?`).get(deviceId) as DeviceRow | undefined;
  if (!row) throw Refused('NOT_FOUND', 'network.errors.notFound');
  return withSessions(core, row);
}

/** The device a secret belongs to; null when none does or it was revoked. Compared by hash. */
export function deviceBySecret(
  core: Core,
  secret: string | null | undefined,
): { id: number; name: string; kind: DeviceKind } | null {
  if (!secret) return null;
  const hash = hashSecret(secret);
  // revoked here once means refused for good, even after an older backup was restored
  if (isRevokedHash(core, hash)) return null;
  const row = core.statements
    .prepare('SELECT id, name, kind FROM network_devices WHERE secret_hash = ? AND revoked_at IS NULL')
    .get(hash) as { id: number; name: string; kind: DeviceKind } | undefined;
  return row ?? null;
}

/**
 * Records that a device called from `address`: last_seen_at and address, at most once a minute
 * per device (sooner when the address changed). The write waits for a long writer's gate
 * (core.writes) instead of blocking the main thread; housekeeping, not a change anyone made, so
 * it writes no log row.
 */
export function touchDevice(core: Core, deviceId: number, address: string): void {
  const now = core.clock.now();
  const touched = networkRuntime(core).touched;
  const last = touched.get(deviceId);
  if (last && last.address === address && now.getTime() - last.at < TOUCH_EVERY_MS) return;
  touched.set(deviceId, { at: now.getTime(), address });
  core.writes
    .wait()
    .then(() => {
      core.statements
        .prepare('UPDATE network_devices SET last_seen_at = ?, address = ? WHERE id = ?')
        .run(now.toISOString(), address, deviceId);
    })
    .catch((err: unknown) => {
      touched.delete(deviceId);
      console.error('[network] last seen not recorded:', err);
    });
}

/** 重命名: the device's name (a revoked one's too: the list still shows it). */
export function renameDevice(core: Core, actor: Actor, deviceId: number, name: string): Device {
  const before = getDevice(core, deviceId);
  if (before.name === name) return before;
  inTransaction(core, () => {
    core.sqlite.prepare('UPDATE network_devices SET name = ? WHERE id = ?').run(name, deviceId);
    writeLog(core.db, core.clock.now(), actor, {
      entity: 'networkDevice',
      entityId: deviceId,
      action: 'update',
      changes: { deviceName: { before: before.name, after: name } },
    });
  });
  return getDevice(core, deviceId);
}

/**
 * 撤销: the device is refused from its next call on (deviceBySecret), its sessions end at once,
 * and the listener hears `network.deviceRevoked` to close its streams. A revoked device answers
 * as it is (nothing changes, no second log row).
 */
export function revokeDevice(core: Core, actor: Actor, deviceId: number, reason: string | null): Device {
  const before = getDevice(core, deviceId);
  if (before.revokedAt) return before;
  const now = core.clock.now();
  const { hash } = core.sqlite
    .prepare('SELECT secret_hash AS hash FROM network_devices WHERE id = ?')
    .get(deviceId) as {
    hash: string;
  };
  // beside the archive first: from here on the device is refused, even if the write below fails
  recordRevokedHash(core, hash);
  inTransaction(core, () => {
    core.sqlite
      .prepare(
        'UPDATE network_devices SET revoked_at = ?, revoked_by = ?, revoke_reason = ? WHERE id = ? AND revoked_at IS NULL',
      )
      .run(now.toISOString(), actor.id, reason || null, deviceId);
    writeLog(core.db, now, actor, {
      entity: 'networkDevice',
      entityId: deviceId,
      action: 'revoke',
      reason: reason || null,
    });
  });
  core.sessions.endAllOnDevice(deviceId);
  networkRuntime(core).touched.delete(deviceId);
  core.events.emit({ name: DEVICE_REVOKED_EVENT, payload: { deviceId }, internal: true });
  return getDevice(core, deviceId);
}
