import type { ApiResult, ErrorParams } from '../../../../electron/core/shared/contract-kit';
import type { EVIDENCE_KINDS } from '../../../../electron/core/stocktake/shared/stocktake.contract';
import type { LocalScan } from './types';

export type Evidence = (typeof EVIDENCE_KINDS)[number];

/**
 * A note (备注 and its evidence) or a proposed correction of a counted customer's contact, written
 * on the phone about one of its scans, online or not (Dexie table `lineEdits`). It is sent once its
 * scan is synced (the line is known then): a note through stocktake.updateLine, a correction
 * through stocktake.proposeCorrection, as the PC sends them.
 */
export interface LineEdit {
  seq?: number;
  /** the scan it is about: its line is the scan's acknowledged lineId */
  clientId: string;
  stocktakeId: number;
  userId: number;
  code: string;
  kind: 'note' | 'correction';
  /** sent as X-Request-Key: a resend after a lost answer is not done twice (made on the phone) */
  requestKey?: string;
  note?: string;
  evidence?: Evidence[];
  /** the line's note and version as the phone showed them when this was written (null: not known, offline) */
  baseNote?: string | null;
  baseVersion?: number | null;
  contact?: { name?: string; mobile?: string; phone?: string };
  /** UTC ISO */
  madeAt: string;
  state: 'waiting' | 'sent' | 'refused';
  /** 1 while it still has to be sent: indexed */
  pending: 0 | 1;
  refusal?: { code: string; messageKey: string; params?: ErrorParams };
}

export interface ServerLine {
  id: number;
  note: string | null;
  evidence: Evidence[];
  version: number;
}

/** The server's answer, or none (the page's NETWORK_ERROR) */
type Result<T> = ApiResult<T> | { ok: false; error: { code: 'NETWORK'; messageKey: string } };

/** What sending the edits needs from the server (the page's `call`, a fake in the tests). */
export interface LineEditTransport {
  line(stocktakeId: number, code: string, lineId: number): Promise<Result<ServerLine | null>>;
  updateLine(
    input: { stocktakeId: number; lineId: number; version: number; note: string; evidence: Evidence[] },
    requestKey?: string,
  ): Promise<Result<ServerLine>>;
  proposeCorrection(
    input: { stocktakeId: number; lineId: number; proposal: { contact: NonNullable<LineEdit['contact']> } },
    requestKey?: string,
  ): Promise<Result<unknown>>;
}

export interface LineEditStore {
  /** this user's edits still to send, oldest first */
  pending(userId: number): Promise<LineEdit[]>;
  scan(clientId: string): Promise<LocalScan | undefined>;
  update(seq: number, changes: Partial<LineEdit>): Promise<void>;
}

export interface LineEditOutcome {
  sent: number;
  refused: number;
  /** edits whose scan is not synced yet */
  waiting: number;
  stopped: 'network' | 'signIn' | null;
}

/**
 * The note to store when the phone's note reaches the line. If the line is still as the phone saw
 * it, the phone's note replaces it; if someone changed it meanwhile (on the PC, another phone), both
 * are kept: theirs first, the phone's after it (unless it already holds the phone's words). Evidence
 * likewise: the phone's choice, or both choices together.
 */
export function mergeNote(line: ServerLine, edit: LineEdit): { note: string; evidence: Evidence[] } {
  const mine = (edit.note ?? '').trim();
  const theirs = (line.note ?? '').trim();
  const unchanged =
    edit.baseVersion === line.version || (edit.baseVersion == null && theirs === (edit.baseNote ?? '').trim());
  const evidence = edit.evidence ?? [];
  if (unchanged || theirs === '' || theirs === mine) return { note: mine, evidence };
  const note = mine === '' || theirs.includes(mine) ? theirs : `${theirs}\n${mine}`;
  return { note: note.slice(0, 500), evidence: [...new Set([...line.evidence, ...evidence])] };
}

const stopOf = (code: string): LineEditOutcome['stopped'] =>
  code === 'NETWORK' || code === 'INTERNAL'
    ? 'network'
    : code === 'UNAUTHENTICATED' || code === 'SESSION_EXPIRED'
      ? 'signIn'
      : null;

/**
 * Sends this user's waiting notes and corrections whose scans are synced, oldest first. No answer
 * or a lost session ends the run with everything left as it was (sent again next time); a refusal
 * (the stocktake closed, a value the server does not take) is kept with its reason and not sent
 * again. A note meets a line changed meanwhile as mergeNote says; a version conflict (changed
 * between reading and saving) is tried again on the next run.
 */
export async function sendLineEdits(
  store: LineEditStore,
  server: LineEditTransport,
  userId: number,
): Promise<LineEditOutcome> {
  const out: LineEditOutcome = { sent: 0, refused: 0, waiting: 0, stopped: null };
  for (const edit of await store.pending(userId)) {
    const scan = await store.scan(edit.clientId);
    const lineId = scan?.state === 'synced' ? (scan.ack?.lineId ?? null) : null;
    if (lineId === null) {
      out.waiting++;
      continue;
    }
    let answer: Result<unknown>;
    if (edit.kind === 'correction') {
      answer = await server.proposeCorrection(
        {
          stocktakeId: edit.stocktakeId,
          lineId,
          proposal: { contact: edit.contact ?? {} },
        },
        edit.requestKey,
      );
    } else {
      const line = await server.line(edit.stocktakeId, edit.code, lineId);
      if (!line.ok) answer = line;
      else if (!line.data) answer = { ok: false, error: { code: 'NOT_FOUND', messageKey: 'errors.notFound' } } as const;
      else {
        const merged = mergeNote(line.data, edit);
        answer = await server.updateLine(
          {
            stocktakeId: edit.stocktakeId,
            lineId,
            version: line.data.version,
            ...merged,
          },
          edit.requestKey,
        );
      }
    }
    // ALREADY_DONE: its first sending arrived, its answer did not
    if (answer.ok || answer.error.code === 'ALREADY_DONE') {
      await store.update(edit.seq as number, { state: 'sent', pending: 0, refusal: undefined });
      out.sent++;
      continue;
    }
    out.stopped = stopOf(answer.error.code);
    if (out.stopped) return out;
    // changed between our read and our save, or the line not found by the phone's lookup: next time
    if (answer.error.code === 'CONFLICT' || answer.error.code === 'NOT_FOUND') continue;
    await store.update(edit.seq as number, { state: 'refused', pending: 0, refusal: answer.error });
    out.refused++;
  }
  return out;
}
