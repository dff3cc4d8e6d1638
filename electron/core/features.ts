import { auditFeature } from './audit/audit.feature';
import { backupFeature } from './backup/backup.feature';
import { authFeature } from './auth/auth.feature';
import { customersFeature } from './customers/customers.feature';
import type { AnyFeature } from './feature';
import { importFeature } from './import/import.feature';
import { lookupsFeature } from './lookups/lookups.feature';
import { networkFeature } from './network/network.feature';
import { reviewFeature } from './review/review.feature';
import { settingsFeature } from './settings/settings.feature';
import { statusFeature } from './status/status.feature';
import { settlementFeature } from './settlement/settlement.feature';
import { stocktakeFeature } from './stocktake/stocktake.feature';
import { systemFeature } from './system/system.feature';
import { usersFeature } from './users/users.feature';

/**
 * The app's features: each Core builds its channels, handlers, timers and contributions from
 * this list (createCore). A new feature is one folder per layer plus one line here (and its
 * contract's line in shared/contract.ts, which the renderer reads; a test keeps both equal).
 */
export const features: readonly AnyFeature[] = [
  authFeature,
  usersFeature,
  auditFeature,
  customersFeature,
  importFeature,
  statusFeature,
  reviewFeature,
  lookupsFeature,
  settingsFeature,
  systemFeature,
  backupFeature,
  stocktakeFeature,
  settlementFeature,
  networkFeature,
];
