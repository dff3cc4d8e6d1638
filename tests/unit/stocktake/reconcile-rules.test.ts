import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_EXPORT_TEXTS } from '../../../electron/core/stocktake/shared/report-export';
import { STOCKTAKE_STATUSES } from '../../../electron/core/stocktake/shared/stocktake.contract';
import { correctionRows, proposedText } from '../../../renderer/src/features/stocktake/reconcile/correctionRows';
import { flattenTexts, MAX_TEXTS } from '../../../renderer/src/features/stocktake/reconcile/exportReport';
import {
  adjustAllCount,
  canCreateFromUnknown,
  canDecideCorrections,
  percent,
  ROW_SECTIONS,
  sectionAdjustment,
} from '../../../renderer/src/features/stocktake/reconcile/reconcileRules';

const everything = () => true;
const only =
  (...granted: string[]) =>
  (p: string) =>
    granted.includes(p);

describe('the reconciliation page offers each adjustment where it belongs', () => {
  it('missing → deactivate, counted deactivated → reactivate, counted ones → mark verified; unknown codes none', () => {
    const offered = Object.fromEntries(ROW_SECTIONS.map((s) => [s, sectionAdjustment(s, 'reconciling', everything)]));
    expect(offered).toEqual({
      missing: 'deactivateMissing',
      matched: 'markVerified',
      unknown: null,
      duplicates: 'markVerified',
      deactivated: 'reactivateCounted',
      frozen: 'markVerified',
      outOfScope: 'markVerified',
    });
  });

  it('only while reconciling: a completed (locked), counting, draft or cancelled stocktake offers nothing', () => {
    for (const status of STOCKTAKE_STATUSES.filter((s) => s !== 'reconciling')) {
      for (const section of ROW_SECTIONS) expect(sectionAdjustment(section, status, everything), `${status}/${section}`).toBeNull();
      expect(canCreateFromUnknown(status, everything), status).toBe(false);
      expect(canDecideCorrections(status, everything), status).toBe(false);
    }
  });

  it('needs stocktake.manage and the permission of the feature that makes the change', () => {
    expect(sectionAdjustment('missing', 'reconciling', only('customer.deactivate'))).toBeNull();
    expect(sectionAdjustment('missing', 'reconciling', only('stocktake.manage'))).toBeNull();
    expect(sectionAdjustment('missing', 'reconciling', only('stocktake.manage', 'customer.deactivate'))).toBe('deactivateMissing');
    expect(sectionAdjustment('deactivated', 'reconciling', only('stocktake.manage', 'customer.deactivate'))).toBeNull();
    expect(sectionAdjustment('deactivated', 'reconciling', only('stocktake.manage', 'customer.reactivate'))).toBe('reactivateCounted');
    expect(canCreateFromUnknown('reconciling', only('stocktake.manage'))).toBe(false);
    expect(canCreateFromUnknown('reconciling', only('customer.create'))).toBe(true);
    expect(canDecideCorrections('reconciling', only('stocktake.manage'))).toBe(false);
    expect(canDecideCorrections('reconciling', only('customer.edit'))).toBe(true);
  });

  it('"all" means the section, except marking verified: every counted customer, in scope or out', () => {
    const counts = { matched: 97, missing: 23, deactivated: 4, outOfScope: 3, frozen: 1, duplicates: 2 };
    expect(adjustAllCount('deactivateMissing', 'missing', counts)).toBe(23);
    expect(adjustAllCount('reactivateCounted', 'deactivated', counts)).toBe(4);
    for (const section of ['matched', 'frozen', 'duplicates', 'outOfScope'] as const) {
      expect(adjustAllCount('markVerified', section, counts), section).toBe(100);
    }
  });

  it('percent rounds down and says nothing of an empty set', () => {
    expect(percent(1999, 2000)).toBe('99%');
    expect(percent(2000, 2000)).toBe('100%');
    expect(percent(0, 0)).toBeNull();
  });
});

describe('a correction as before → proposed rows', () => {
  const address = (a: Record<string, unknown>) => (a.street ? `${a.provinceCode ?? ''}|${a.street}` : null);

  it('lists only the proposed fields, each with the value before it', () => {
    const rows = correctionRows(
      { contact: { name: '张三', mobile: '13800000000', phone: null }, address: { provinceCode: '110000', street: '旧路 1 号' } },
      { contact: { mobile: '13911112222' }, note: '客户口头确认' },
      address,
    );
    expect(rows).toEqual([
      { field: 'mobile', before: '13800000000', proposed: '13911112222', changed: true },
      { field: 'note', before: null, proposed: '客户口头确认', changed: false },
    ]);
  });

  it('an address through the given formatter; an unchanged value is not marked changed; blanks are null', () => {
    const rows = correctionRows(
      { contact: { name: '张三', phone: '' }, address: { provinceCode: '110000', street: '旧路 1 号' } },
      { contact: { name: '张三', phone: '010-1234' }, address: { provinceCode: '310000', street: '新路 2 号' } },
      address,
    );
    expect(rows).toEqual([
      { field: 'contactName', before: '张三', proposed: '张三', changed: false },
      { field: 'phone', before: null, proposed: '010-1234', changed: true },
      { field: 'address', before: '110000|旧路 1 号', proposed: '310000|新路 2 号', changed: true },
    ]);
  });

  it('a value emptied reads （清空） on the screen and on paper; a dash only where there was none', () => {
    const rows = correctionRows(
      { contact: { name: '张三', mobile: '13800000000', phone: null } },
      { contact: { mobile: null, phone: null } },
      address,
    );
    expect(rows.map((r) => `${r.field}: ${proposedText(r, '—', '（清空）')}`)).toEqual(['mobile: （清空）', 'phone: —']);
    expect(proposedText({ field: 'mobile', before: null, proposed: '139', changed: true }, '—', '（清空）')).toBe('139');
  });

  it('a proposal whose before lacks the part shows the before as empty', () => {
    expect(correctionRows({}, { address: { street: 'x' } }, address)).toEqual([
      { field: 'address', before: null, proposed: '|x', changed: true },
    ]);
  });
});

describe('the export sends its texts as flat keys', () => {
  const tree: Record<string, unknown> = {
    'stocktake.reconcile': { sections: { missing: '未盘到', matched: '已盘到' }, hints: { missing: 'long help' }, title: '盘点核对' },
    'customers.status': { active: '正常' },
  };

  it('keys as t() takes them, the left-out branches absent', () => {
    const texts = flattenTexts(['stocktake.reconcile', 'customers.status'], (r) => tree[r], /^stocktake\.reconcile\.hints/);
    expect(texts).toEqual({
      'stocktake.reconcile.sections.missing': '未盘到',
      'stocktake.reconcile.sections.matched': '已盘到',
      'stocktake.reconcile.title': '盘点核对',
      'customers.status.active': '正常',
    });
  });

  it('never more keys than the channel takes', () => {
    const big = Object.fromEntries(Array.from({ length: MAX_TEXTS + 50 }, (_, i) => [`k${i}`, 'v']));
    expect(Object.keys(flattenTexts(['x'], () => big))).toHaveLength(MAX_TEXTS);
  });
});

describe('the texts the export sends', () => {
  it('cover every key the core writes the .xlsx with, in both languages', () => {
    for (const locale of ['zh-CN', 'en']) {
      const file = path.resolve(__dirname, `../../../renderer/src/features/stocktake/locales/core/${locale}.json`);
      const core = JSON.parse(fs.readFileSync(file, 'utf8'));
      const texts = flattenTexts(['stocktake.export'], () => core.export);
      expect(Object.keys(texts).sort(), locale).toEqual(Object.keys(REPORT_EXPORT_TEXTS).sort());
      expect(Object.keys(texts).length).toBeLessThanOrEqual(MAX_TEXTS);
    }
  });
});
