import path from 'node:path';
import type { Core } from '../core';
import { networkDir } from './certs';
import { networkRuntime } from './runtime';
import { ensurePrivateDir, readText, writeDurably } from './secret-file';

/**
 * Revocations kept beside the archive as well as in it: `<dataDir>/network/revoked`, one device
 * secret hash (hex) a line. Restoring an older backup brings back `network_devices` as it was then,
 * with a device revoked since as active; this file is not part of the archive, so the device stays
 * refused. Read once per core and kept in memory (the core writes it itself).
 */
const FILE = 'revoked';

function load(core: Core): Set<string> {
  const rt = networkRuntime(core);
  rt.revoked ??= new Set(
    (readText(path.join(networkDir(core.dataDir), FILE)) ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  );
  return rt.revoked;
}

/** Whether a secret hash was revoked on this PC, whatever the archive now says. */
export const isRevokedHash = (core: Core, hash: string): boolean => load(core).has(hash);

/** Adds a revoked device's secret hash (written durably; small: one line per revoked device). */
export function recordRevokedHash(core: Core, hash: string): void {
  const set = load(core);
  if (set.has(hash)) return;
  const dir = networkDir(core.dataDir);
  ensurePrivateDir(dir);
  writeDurably(path.join(dir, FILE), [...set, hash].map((h) => `${h}\n`).join(''), 0o600);
  set.add(hash);
}
