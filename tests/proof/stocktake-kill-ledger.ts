import type Database from 'better-sqlite3';

/**
 * What the stocktake kill test sent and what the host acknowledged, and the check of a database
 * against it after a restart: every acknowledged scan is stored once, as acknowledged; nothing is
 * stored that was never sent; every acknowledged undo is stored; each line's tally equals its live
 * scans (stored, not undone); the stocktake is still counting.
 */
export interface SentScan {
  clientId: string;
  code: string;
  /** the scan id of the acknowledgement, once one came */
  scanId: number | null;
}

export class ScanLedger {
  /** every scan ever sent (acknowledged or not), by client id */
  readonly sent = new Map<string, SentScan>();
  /** scan ids whose undo was acknowledged */
  readonly undone = new Set<number>();
  /** undos sent and not answered (the kill came first): stored or not, both are right */
  readonly undoInFlight = new Set<number>();
  readonly failures: string[] = [];
  acknowledged = 0;
  replays = 0;

  constructor(readonly stocktakeId: number) {}

  /** Acknowledged scans not undone (undo candidates). */
  liveAcked(): SentScan[] {
    return [...this.sent.values()].filter(
      (s) => s.scanId !== null && !this.undone.has(s.scanId) && !this.undoInFlight.has(s.scanId),
    );
  }

  /** Scans sent whose answer never came. */
  unanswered(): SentScan[] {
    return [...this.sent.values()].filter((s) => s.scanId === null);
  }

  fail(message: string): void {
    if (this.failures.length < 50) this.failures.push(message);
  }

  /**
   * Records an acknowledgement (a first answer or a resend's). A resend of a stored scan must
   * say `replayed` and carry the stored scan id; a first answer must not say `replayed` unless
   * the scan was stored before (`storedBefore`: its send was cut by a kill after the commit).
   */
  ack(
    clientId: string,
    data: { scanId: number; clientId: string; code: string; replayed: boolean },
    storedBefore: boolean,
  ): void {
    const s = this.sent.get(clientId);
    if (!s) {
      this.fail(`ack for a scan never sent: ${clientId}`);
      return;
    }
    if (data.clientId !== clientId) this.fail(`ack of ${clientId} names ${data.clientId}`);
    if (data.code !== s.code) this.fail(`ack of ${clientId}: code ${data.code}, sent ${s.code}`);
    if (s.scanId !== null) {
      this.replays++;
      if (!data.replayed || data.scanId !== s.scanId)
        this.fail(`resend of ${clientId} counted again: ${JSON.stringify(data)} (was scan ${s.scanId})`);
      return;
    }
    if (data.replayed !== storedBefore)
      this.fail(`ack of ${clientId}: replayed=${data.replayed}, stored before: ${storedBefore}`);
    s.scanId = data.scanId;
    this.acknowledged++;
  }

  /** The database (read-only, beside the stopped or running host) against what was acknowledged. */
  check(db: Database.Database): { scans: number; lines: number } {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') this.fail(`integrity_check: ${String(integrity)}`);
    const rows = db
      .prepare('SELECT id, client_id AS clientId, code FROM stocktake_scans WHERE stocktake_id = ?')
      .all(this.stocktakeId) as { id: number; clientId: string; code: string }[];
    const byClient = new Map<string, { id: number; code: string }[]>();
    for (const r of rows) byClient.set(r.clientId, [...(byClient.get(r.clientId) ?? []), r]);
    for (const [clientId, found] of byClient) {
      if (found.length > 1) this.fail(`scan ${clientId} stored ${found.length} times`);
      const s = this.sent.get(clientId);
      if (!s) this.fail(`stored scan ${clientId} was never sent`);
      else if (found[0].code !== s.code)
        this.fail(`scan ${clientId} stored with code ${found[0].code}, sent ${s.code}`);
    }
    for (const s of this.sent.values()) {
      if (s.scanId === null) continue;
      const found = byClient.get(s.clientId);
      if (!found) this.fail(`acknowledged scan ${s.clientId} (id ${s.scanId}) is lost`);
      else if (found[0].id !== s.scanId)
        this.fail(`acknowledged scan ${s.clientId} is stored as ${found[0].id}, acknowledged as ${s.scanId}`);
    }
    const undos = new Set(
      db
        .prepare('SELECT scan_id FROM stocktake_undos WHERE stocktake_id = ?')
        .pluck()
        .all(this.stocktakeId) as number[],
    );
    for (const id of this.undone) if (!undos.has(id)) this.fail(`acknowledged undo of scan ${id} is lost`);
    for (const id of undos)
      if (!this.undone.has(id) && !this.undoInFlight.has(id)) this.fail(`undo of scan ${id} was never sent`);
    const tallies = db
      .prepare(
        `SELECT l.id, l.code, l.scans,
                (SELECT count(*) FROM stocktake_scans s WHERE s.line_id = l.id
                   AND NOT EXISTS (SELECT 1 FROM stocktake_undos u WHERE u.scan_id = s.id)) AS live
           FROM stocktake_lines l WHERE l.stocktake_id = ?`,
      )
      .all(this.stocktakeId) as { id: number; code: string; scans: number; live: number }[];
    for (const t of tallies)
      if (t.scans !== t.live) this.fail(`line ${t.id} (${t.code}): tally ${t.scans}, live scans ${t.live}`);
    const status = db.prepare('SELECT status FROM stocktakes WHERE id = ?').pluck().get(this.stocktakeId);
    if (status !== 'counting') this.fail(`stocktake is ${String(status)} after the restart, not counting`);
    return { scans: rows.length, lines: tallies.length };
  }
}
