import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DB_FILE_NAME } from '../core/core';
import { readText, writeDurably } from '../core/network/secret-file';

/**
 * How the desktop app starts on this PC (`<userData>/launch.json`): it holds the archive
 * (`local`, today's behaviour), or it is a client of the office server (`client`: the server's
 * address, the CA pinned at pairing, the device secret). A client keeps no archive. Written
 * durably, readable by the app's user only (it holds the device secret).
 */
export const LAUNCH_FILE = 'launch.json';

const localSchema = z.object({ mode: z.literal('local') }).strict();
const clientSchema = z
  .object({
    mode: z.literal('client'),
    /** https://ADDRESS:PORT (no path) */
    serverUrl: z
      .string()
      .url()
      .refine((u) => /^https:\/\/[\d.]+(:\d+)?$/.test(u)),
    /** the server's certificate authority (PEM) */
    caCert: z.string().includes('BEGIN CERTIFICATE'),
    deviceSecret: z.string().min(20).max(200),
    /** UTC ISO */
    pairedAt: z.string().datetime(),
  })
  .strict();
export const launchSchema = z.discriminatedUnion('mode', [localSchema, clientSchema]);
export type Launch = z.infer<typeof launchSchema>;
export type ClientLaunch = z.infer<typeof clientSchema>;

export const launchFile = (dataDir: string) => path.join(dataDir, LAUNCH_FILE);

/** Whether the folder holds an archive (kehu.sqlite). */
export const hasArchive = (dataDir: string) => fs.existsSync(path.join(dataDir, DB_FILE_NAME));

/**
 * The launch choice; null when it is still to be asked (first start, no archive). An archive
 * without launch.json is `local` (an upgrade never sees the question). A file that cannot be read
 * or is not valid counts as absent: `local` beside an archive, else the question again (pairing
 * again is safe; guessing `client` from a broken file is not).
 */
export function readLaunch(dataDir: string): Launch | null {
  const text = readText(launchFile(dataDir));
  if (text !== null) {
    try {
      const parsed = launchSchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
    } catch {
      // not JSON: as absent
    }
  }
  return hasArchive(dataDir) ? { mode: 'local' } : null;
}

/** Writes the choice durably (temporary file, flush, rename), mode 0600. */
export function writeLaunch(dataDir: string, launch: Launch): void {
  const checked = launchSchema.parse(launch);
  fs.mkdirSync(dataDir, { recursive: true });
  writeDurably(launchFile(dataDir), `${JSON.stringify(checked, null, 2)}\n`, 0o600);
}

/** `192.168.1.10:5443` from the server's URL: how the window title and the offline page name it. */
export function serverLabel(serverUrl: string): string {
  const u = new URL(serverUrl);
  return u.port ? `${u.hostname}:${u.port}` : u.hostname;
}
