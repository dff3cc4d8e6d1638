import type { z } from 'zod';
import type {
  ScanAck,
  ScanRefusal,
  expectedRowSchema,
  scanSourceSchema,
} from '../../../../electron/core/stocktake/shared/stocktake.contract';

export type ScanSource = z.infer<typeof scanSourceSchema>;
export type ExpectedRow = z.infer<typeof expectedRowSchema>;
export type { ScanAck };
export type Refusal = ScanRefusal['error'];

/**
 * What the phone told the clerk at the moment of the scan, from the downloaded set (the server's
 * classification replaces it once the scan is synced):
 * - found: in the list, not counted before; duplicate: counted before, `where` here on this phone
 *   or on the server (at download);
 * - frozen / deactivated: the customer's state (still counted, as on the PC);
 * - notInList: not in the downloaded list: unknown or out of scope, confirmed after the sync.
 */
export interface LocalVerdict {
  kind: 'found' | 'duplicate' | 'frozen' | 'deactivated' | 'notInList';
  /** counted before: here (this phone) or on the server (as downloaded); null the first time */
  already: 'here' | 'server' | null;
  /** the code is outside the downloaded list */
  notInList: boolean;
  customerName: string | null;
}

export type ScanState = 'waiting' | 'synced' | 'refused';

/** One scan as the phone keeps it (Dexie table `scans`) until and after it is synced. */
export interface LocalScan {
  /** local order (auto-increment) */
  seq?: number;
  clientId: string;
  stocktakeId: number;
  /** as scanCodeSchema normalises it */
  code: string;
  source: ScanSource;
  /** UTC ISO */
  scannedAt: string;
  userId: number;
  userName: string;
  deviceLabel: string;
  state: ScanState;
  /** 1 while it waits to be sent, 2 refused (parked: sent again on 同步), 0 once synced: indexed */
  pending: 0 | 1 | 2;
  verdict: LocalVerdict;
  ack?: ScanAck;
  refusal?: Refusal;
  syncedAt?: string;
}
