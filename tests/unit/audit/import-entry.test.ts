import { describe, expect, it } from 'vitest';
import { compactImportEntry, expandImportEntry, isCompactImportEntry } from '../../../electron/core/audit/import-entry';

// An imported customer's log row is compact (batch id, row, values in the batch's field order) and
// reads back as a full 'create' entry: the record's history stays complete.
describe('compact import log entry', () => {
  const fields = ['code', 'name', 'memo', 'contacts', 'warnings'];
  const batch = { fileName: { before: null, after: '客户.xlsx' }, fields: { before: null, after: fields } };

  it('keeps values only, trailing nulls left off, and points to its batch and row', () => {
    const text = compactImportEntry(7, 12, fields, { code: 'C1', name: '甲公司', memo: null, contacts: [{ name: '王' }] });
    expect(JSON.parse(text)).toEqual({ importBatch: 7, row: 12, values: ['C1', '甲公司', null, [{ name: '王' }]] });
    expect(text.length).toBeLessThan(80);
  });

  it('reads back as { field: { before: null, after } } with the file and row, nulls left out', () => {
    const c = JSON.parse(compactImportEntry(7, 12, fields, { code: 'C1', name: '甲公司', warnings: ['x'] }));
    expect(isCompactImportEntry(c)).toBe(true);
    expect(expandImportEntry(c, batch)).toEqual({
      code: { before: null, after: 'C1' },
      name: { before: null, after: '甲公司' },
      warnings: { before: null, after: ['x'] },
      importedFrom: { before: null, after: '客户.xlsx' },
      importRow: { before: null, after: 12 },
    });
  });

  it('an ordinary entry is not taken for a compact one', () => {
    expect(isCompactImportEntry({ name: { before: null, after: '甲' } })).toBe(false);
    expect(isCompactImportEntry(null)).toBe(false);
  });
});
