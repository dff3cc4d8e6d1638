import { describe, expect, it } from 'vitest';
import { ackFeedback, scanFeedback } from '../../../renderer/src/features/stocktake/counting/feedback';
import type { QueuedScan, ScanAck } from '../../../renderer/src/features/stocktake/scanner/types';

// The counting screen's feedback rules (renderer/src/features/stocktake/counting/feedback.ts).

const customer = {
  id: 7,
  code: 'KH000007',
  name: '北京华东商贸',
  status: 'active' as const,
  categoryName: '批发',
  statusReasonName: null,
  statusMemo: null,
  mergedInto: null,
};
const ack = (patch: Partial<ScanAck>): ScanAck => ({
  scanId: 1,
  clientId: 'abcdef12',
  code: 'KH000007',
  result: 'found',
  lineId: 3,
  customer,
  times: 1,
  earlier: [],
  replayed: false,
  progress: { expected: 10, counted: 1, scans: 1, unknown: 0, outOfScope: 0 },
  ...patch,
});
const queued = (patch: Partial<QueuedScan>): QueuedScan => ({
  clientId: 'abcdef12',
  code: 'KH000007',
  source: 'scanner',
  scannedAt: '2026-12-01T02:00:00.000Z',
  endedAt: 1,
  state: 'pending',
  ...patch,
});

describe('scan feedback', () => {
  it('found: the code and the name, no detail', () => {
    const f = ackFeedback(ack({}));
    expect(f).toMatchObject({ tone: 'found', title: 'stocktake.counting.feedback.found', detail: null });
    expect(f.params).toMatchObject({ code: 'KH000007', name: '北京华东商贸' });
  });

  it('duplicate: how many times, and by whom (each earlier counter once, newest first)', () => {
    const f = ackFeedback(
      ack({
        result: 'duplicate',
        times: 3,
        earlier: [
          { userName: '李四', at: '2026-12-01T01:00:00Z' },
          { userName: '张三', at: '2026-12-01T00:00:00Z' },
          { userName: '李四', at: '2026-11-30T00:00:00Z' },
        ],
      }),
      '、',
    );
    expect(f.tone).toBe('duplicate');
    expect(f.detail).toBe('stocktake.counting.feedback.duplicateBy');
    expect(f.params).toMatchObject({ times: 3, by: '李四、张三' });
  });

  it('unknown code, out of scope: their own tone and hint', () => {
    expect(ackFeedback(ack({ result: 'unknown', customer: null, lineId: 4 }))).toMatchObject({
      tone: 'unknown',
      detail: 'stocktake.counting.feedback.unknownHint',
    });
    expect(ackFeedback(ack({ result: 'outOfScope' })).tone).toBe('outOfScope');
  });

  it('deactivated and frozen carry the reason (and memo), or say none was given', () => {
    const off = ackFeedback(
      ack({ result: 'deactivated', customer: { ...customer, status: 'deactivated', statusReasonName: '歇业', statusMemo: '已注销' } }),
      '；',
    );
    expect(off).toMatchObject({ tone: 'blocked', title: 'stocktake.counting.feedback.deactivated', detail: 'stocktake.counting.feedback.reason' });
    expect(off.params.reason).toBe('歇业；已注销');
    const frozen = ackFeedback(ack({ result: 'frozen', customer: { ...customer, status: 'frozen' } }));
    expect(frozen).toMatchObject({ title: 'stocktake.counting.feedback.frozen', detail: 'stocktake.counting.feedback.noReason' });
  });

  it('a merged customer names the one it was merged into', () => {
    const f = ackFeedback(ack({ customer: { ...customer, mergedInto: { id: 9, code: 'KH000009', name: '华东集团' } } }));
    expect(f.detail).toBe('stocktake.counting.feedback.mergedInto');
    expect(f.params.merged).toBe('KH000009 华东集团');
  });

  it('a queued scan is pending until answered; a refused one shows its reason', () => {
    expect(scanFeedback(queued({ state: 'pending' })).tone).toBe('pending');
    expect(scanFeedback(queued({ state: 'sending' })).tone).toBe('pending');
    expect(scanFeedback(queued({ state: 'failed', errorKey: 'stocktake.errors.notCounting' }))).toMatchObject({
      tone: 'failed',
      detail: 'stocktake.errors.notCounting',
    });
    expect(scanFeedback(queued({ state: 'acked', ack: ack({ result: 'duplicate', times: 2 }) })).tone).toBe('duplicate');
  });

  it('a scan taken back (撤销 in 最近扫描) reads 已撤销 whatever it found', () => {
    expect(scanFeedback(queued({ state: 'acked', ack: ack({ result: 'found' }), undone: true }))).toEqual({
      tone: 'undone',
      title: 'stocktake.counting.feedback.undone',
      detail: null,
      params: { code: 'KH000007' },
    });
  });
});
