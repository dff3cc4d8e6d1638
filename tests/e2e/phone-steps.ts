import { createHash } from 'node:crypto';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import type { CDPSession, Page, Request } from '@playwright/test';
import { expect } from './fixtures';
import { keyOf, type SimScanner } from './scanner-sim';
import { callDirect } from './steps';

/** Steps of the phone spec (issue 19): the phone's Bluetooth scanner, its database, the server's stored scans. */

/** a Bluetooth scanner in keyboard mode: 8 ms a key (events stamped with their own time), then Enter */
export const BT = { gapMs: 8 } as const;

/**
 * A clerk scanning label after label: each scan starts `pauseMs` after the previous one's Enter,
 * on the scanner's own clock (the next burst comes whether the page is done with the last or not).
 */
export async function scanRun(scanner: SimScanner, codes: string[], pauseMs = 120): Promise<void> {
  let at = Date.now();
  const delivered: Promise<void>[] = [];
  for (const code of codes) {
    const started = await scanner.start(code, BT, at);
    delivered.push(started.delivered);
    at += code.length * BT.gapMs + pauseMs;
  }
  await Promise.all(delivered);
}

/**
 * A Bluetooth scanner whose radio hiccups: the code's keys, then Enter, each key `gapsMs[i]` after
 * the one before (the first at once), stamped with those times as the phone's OS stamps them.
 * E.g. [120, 8, 8, 8, 8]: the first key, a 120 ms stall of the link, the rest in a burst.
 */
export async function scanWithGaps(cdp: CDPSession, code: string, gapsMs: number[]): Promise<void> {
  const keys = [...code].map(keyOf);
  const enter = { key: 'Enter', code: 'Enter', keyCode: 13, shift: false };
  let due = Date.now();
  const sent: Promise<unknown>[] = [];
  for (let i = 0; i <= keys.length; i++) {
    if (i > 0) due += gapsMs[i - 1] ?? 8;
    const ahead = due - Date.now();
    if (ahead > 0) await new Promise((r) => setTimeout(r, ahead));
    const k = keys[i] ?? enter;
    const text = i < keys.length ? k.key : '\r';
    const base = {
      key: k.key,
      code: k.code,
      windowsVirtualKeyCode: k.keyCode,
      nativeVirtualKeyCode: k.keyCode,
      modifiers: k.shift ? 8 : 0,
      timestamp: due / 1000,
    };
    sent.push(
      cdp.send('Input.dispatchKeyEvent', { ...base, type: 'keyDown', text, unmodifiedText: text.toLowerCase() }),
    );
    sent.push(cdp.send('Input.dispatchKeyEvent', { ...base, type: 'keyUp' }));
  }
  await Promise.all(sent);
}

/**
 * Sends the phone's request on to the server from the test, trusting only the pinned key (as the
 * phone's Chromium does), and reads the whole answer: the server has done the work.
 */
export function forwardPinned(req: Request, spki: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const r = https.request(
      req.url(),
      { method: req.method(), headers: req.headers(), rejectUnauthorized: false },
      (res) => {
        const pubkey = (res.socket as TLSSocket).getPeerCertificate().pubkey;
        if (!pubkey || createHash('sha256').update(pubkey).digest('base64') !== spki)
          reject(new Error('not the pinned server'));
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    r.on('error', reject);
    r.end(req.postDataBuffer() ?? undefined);
  });
}

/** the phone's stored scans (IndexedDB `kehu-m`): client id, code, still waiting or not, answered as a resend (null: no answer yet) */
export function phoneScans(
  phone: Page,
): Promise<{ clientId: string; code: string; pending: number; replayed: boolean | null }[]> {
  return phone.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('kehu-m');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('scans').objectStore('scans').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            resolve(
              (all.result as { clientId: string; code: string; pending: number; ack?: { replayed: boolean } }[]).map(
                (s) => ({
                  clientId: s.clientId,
                  code: s.code,
                  pending: s.pending,
                  replayed: s.ack ? s.ack.replayed : null,
                }),
              ),
            );
            open.result.close();
          };
        };
      }),
  );
}

/** the stocktake's live scans on the server (stocktake.recent, through the admin's page) and its counters */
export async function serverScans(page: Page, stocktakeId: number) {
  const recent = await callDirect(page, 'stocktake.recent', { stocktakeId, limit: 200 });
  expect(recent.ok, JSON.stringify(recent)).toBe(true);
  const got = await callDirect(page, 'stocktake.get', { id: stocktakeId });
  expect(got.ok, JSON.stringify(got)).toBe(true);
  const items = (recent.data.items as { clientId: string; code: string; undone: boolean }[]).filter((s) => !s.undone);
  return { items, progress: got.data.progress as { scans: number; counted: number; expected: number } };
}

/**
 * Every scan the phone made is stored on the server exactly once: the same client ids (none
 * twice), the same codes, and the stocktake's scan counter agrees.
 */
export async function expectEveryScanOnce(page: Page, phone: Page, stocktakeId: number, expectedCodes: string[]) {
  const mine = await phoneScans(phone);
  expect(mine.filter((s) => s.pending)).toEqual([]);
  expect(mine.map((s) => s.code).sort()).toEqual([...expectedCodes].sort());
  const server = await serverScans(page, stocktakeId);
  const ids = server.items.map((s) => s.clientId);
  expect(new Set(ids).size).toBe(ids.length);
  expect([...ids].sort()).toEqual(mine.map((s) => s.clientId).sort());
  expect(server.items.map((s) => s.code).sort()).toEqual([...expectedCodes].sort());
  expect(server.progress.scans).toBe(expectedCodes.length);
}
