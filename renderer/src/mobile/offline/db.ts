import Dexie, { type EntityTable } from 'dexie';
import type { LineEdit } from './lineEdits';
import type { ExpectedRow, LocalScan } from './types';

export interface StoredExpected extends ExpectedRow {
  stocktakeId: number;
}
export interface StoredOther {
  stocktakeId: number;
  code: string;
  scans: number;
}
/** per stocktake: `download:<id>` → { at, no, name, status, expectedCount } ; `lastSync:<userId>` → ISO */
export interface MetaRow {
  key: string;
  value: unknown;
}

/**
 * The phone's database `kehu-m` (IndexedDB through Dexie): its scans (kept after the sync for the
 * recent list), the notes and corrections written on it, the downloaded expected sets and small
 * facts (when downloaded, last sync).
 */
export class MobileDb extends Dexie {
  scans!: EntityTable<LocalScan, 'seq'>;
  expected!: EntityTable<StoredExpected, 'customerId'>;
  others!: EntityTable<StoredOther, 'code'>;
  meta!: EntityTable<MetaRow, 'key'>;
  lineEdits!: EntityTable<LineEdit, 'seq'>;

  constructor(name = 'kehu-m') {
    // a scan the phone acknowledged is on its storage, not in a cache the OS may lose with the power
    // (Chromium commits IndexedDB writes 'relaxed' by default)
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      scans: '++seq, &clientId, [pending+userId+stocktakeId+seq], [stocktakeId+seq], [stocktakeId+code]',
      expected: '[stocktakeId+customerId], stocktakeId',
      others: '[stocktakeId+code], stocktakeId',
      meta: 'key',
    });
    // notes and corrections written on the phone, sent once their scan is synced (lineEdits.ts)
    this.version(2).stores({ lineEdits: '++seq, [pending+userId+seq], clientId' });
  }
}

let opened: MobileDb | null = null;
/** the page's one connection */
export const mobileDb = () => {
  opened ??= new MobileDb();
  return opened;
};
