import type { Actor } from '../actor';
import { writeLog } from '../audit/audit.log';
import type { Core } from '../core';
import { Refused } from '../errors';
import { inTransaction } from '../transaction';
import { networkDir, readServerCert } from './certs';
import { deviceNameFrom } from './device-name';
import { getDevice } from './devices';
import { listenerState } from './listener-state';
import { hashSecret, newSecret, newShortCode, normaliseShortCode, showShortCode } from './secrets';
import { type Device, type DeviceKind, PAIRING_MINUTES } from './shared/network.contract';

/**
 * 添加设备: a one-time pairing admits one device. The QR code's address carries a random token,
 * the dialog shows a short code to type instead; both are kept only as hashes and expire after
 * PAIRING_MINUTES. Redeeming one makes the device and its secret (given once, kept as a hash).
 */

interface PairingRow {
  id: number;
  kind: DeviceKind;
  name: string | null;
  expiresAt: string;
  createdBy: number;
  usedAt: string | null;
  deviceId: number | null;
}

const PAIRING_SQL = `SELECT id, kind, name, expires_at AS expiresAt, created_by AS createdBy, used_at AS usedAt,
  device_id AS deviceId FROM network_pairings`;

/**
 * Where devices reach this PC: the running listener's address and port as the shell reported
 * them (also when `npm run web -- --lan ADDRESS` serves without the setting), else the setting's
 * while serving is on; null while serving is off.
 */
/** Where the listener serves now: a pairing is made only for a running listener (not one that failed to start). */
function servingAt(core: Core): { address: string; port: number } | null {
  const listener = listenerState(core);
  if (listener.state !== 'running' || !listener.url) return null;
  const url = new URL(listener.url);
  return { address: url.hostname, port: Number(url.port) || 443 };
}

/** A new pairing; refused (`network.errors.notServing`) while serving is off or has no certificate for its address. */
export function createPairing(core: Core, actor: Actor, input: { kind: DeviceKind; name: string | null }) {
  const at = servingAt(core);
  const cert = readServerCert(networkDir(core.dataDir));
  if (!at || !cert?.addresses.includes(at.address)) throw Refused('CONFLICT', 'network.errors.notServing');
  const token = newSecret();
  const code = newShortCode();
  const now = core.clock.now();
  const expiresAt = new Date(now.getTime() + PAIRING_MINUTES * 60_000).toISOString();
  const pairingId = inTransaction(core, () => {
    const id = core.sqlite
      .prepare(
        `INSERT INTO network_pairings (token_hash, code_hash, kind, name, created_at, expires_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .pluck()
      .get(
        hashSecret(token),
        hashSecret(code),
        input.kind,
        input.name,
        now.toISOString(),
        expiresAt,
        actor.id,
      ) as number;
    writeLog(core.db, now, actor, {
      entity: 'networkPairing',
      entityId: id,
      action: 'create',
      changes: {
        deviceKind: { before: null, after: input.kind },
        deviceName: { before: null, after: input.name },
        expiresAt: { before: null, after: expiresAt },
      },
    });
    return id;
  });
  return {
    pairingId,
    url: `https://${at.address}:${at.port}/pair#t=${token}&spki=${encodeURIComponent(cert.spkiSha256)}`,
    shortCode: showShortCode(code),
    expiresAt,
    spkiSha256: cert.spkiSha256,
  };
}

/** Whether a pairing was used (and by which device), is still waiting, or expired. */
export function pairingState(
  core: Core,
  pairingId: number,
): { state: 'waiting' | 'paired' | 'expired'; device: Device | null } {
  const row = core.sqlite.prepare(`${PAIRING_SQL} WHERE id = ?`).get(pairingId) as PairingRow | undefined;
  if (!row) throw Refused('NOT_FOUND', 'network.errors.notFound');
  if (row.usedAt && row.deviceId !== null) return { state: 'paired', device: getDevice(core, row.deviceId) };
  const expired = core.clock.now().toISOString() >= row.expiresAt;
  return { state: expired ? 'expired' : 'waiting', device: null };
}

/**
 * 取消: a pairing still waiting ends now (its code no longer pairs anything), logged. A pairing
 * already used or expired is left as it is. The answer is its state afterwards.
 */
export function cancelPairing(core: Core, actor: Actor, pairingId: number): ReturnType<typeof pairingState> {
  const now = core.clock.now();
  inTransaction(core, () => {
    const row = core.sqlite.prepare(`${PAIRING_SQL} WHERE id = ?`).get(pairingId) as PairingRow | undefined;
    if (!row) throw Refused('NOT_FOUND', 'network.errors.notFound');
    if (row.usedAt || now.toISOString() >= row.expiresAt) return;
    core.sqlite.prepare('UPDATE network_pairings SET expires_at = ? WHERE id = ?').run(now.toISOString(), pairingId);
    writeLog(core.db, now, actor, {
      entity: 'networkPairing',
      entityId: pairingId,
      action: 'cancel',
      changes: { expiresAt: { before: row.expiresAt, after: now.toISOString() } },
    });
  });
  return pairingState(core, pairingId);
}

/**
 * Redeems a pairing by its token (the QR code) or its short code (typed: any case, full-width,
 * spaces and dashes allowed): the device is made, the pairing marked used and the log written in
 * one transaction. Refused as `network.errors.pairingInvalid` (unknown or already used) or
 * `network.errors.pairingExpired`. The secret is returned once; only its hash is kept.
 */
export function redeemPairing(
  core: Core,
  proof: { token: string } | { code: string },
  meta: { address: string; userAgent: string | null },
): { deviceId: number; secret: string; kind: DeviceKind } {
  const hash = 'token' in proof ? hashSecret(proof.token) : hashSecret(normaliseShortCode(proof.code));
  const column = 'token' in proof ? 'token_hash' : 'code_hash';
  const now = core.clock.now();
  const at = now.toISOString();
  const secret = newSecret();
  return inTransaction(core, () => {
    const row = core.sqlite.prepare(`${PAIRING_SQL} WHERE ${column} = ?`).get(hash) as PairingRow | undefined;
    if (!row || row.usedAt) throw Refused('FORBIDDEN', 'network.errors.pairingInvalid');
    if (at >= row.expiresAt) throw Refused('FORBIDDEN', 'network.errors.pairingExpired');
    const userAgent = meta.userAgent ? meta.userAgent.slice(0, 500) : null;
    const name = row.name ?? deviceNameFrom(userAgent, row.kind);
    const deviceId = core.sqlite
      .prepare(
        `INSERT INTO network_devices (name, kind, secret_hash, address, user_agent, paired_at, paired_by)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .pluck()
      .get(name, row.kind, hashSecret(secret), meta.address, userAgent, at, row.createdBy) as number;
    core.sqlite
      .prepare('UPDATE network_pairings SET used_at = ?, device_id = ? WHERE id = ?')
      .run(at, deviceId, row.id);
    const creator = core.sqlite.prepare('SELECT display_name FROM users WHERE id = ?').pluck().get(row.createdBy) as
      | string
      | undefined;
    writeLog(
      core.db,
      now,
      // the administrator made the pairing on this PC: the device is the row's subject, not where it was done
      { id: row.createdBy, displayName: creator ?? '', deviceId: null },
      {
        entity: 'networkDevice',
        entityId: deviceId,
        action: 'pair',
        changes: {
          deviceName: { before: null, after: name },
          deviceKind: { before: null, after: row.kind },
          address: { before: null, after: meta.address },
        },
      },
    );
    return { deviceId, secret, kind: row.kind };
  });
}
