import type { z } from 'zod';
import { backupContract } from '../backup/shared/backup.contract';
import { auditContract } from '../audit/shared/audit.contract';
import { authContract } from '../auth/shared/auth.contract';
import { customersContract } from '../customers/shared/customers.contract';
import { customerImportContract } from '../import/shared/import.contract';
import { customerStatusContract } from '../status/shared/status.contract';
import { lookupsContract } from '../lookups/shared/lookups.contract';
import { reviewContract } from '../review/shared/review.contract';
import { stocktakeContract } from '../stocktake/shared/stocktake.contract';
import { settlementContract } from '../settlement/shared/settlement.contract';
import { networkContract } from '../network/shared/network.contract';
import { settingsContract } from '../settings/shared/settings.contract';
import { systemContract } from '../system/shared/system.contract';
import { usersContract } from '../users/shared/users.contract';

/**
 * Every channel of the app: name → { input schema, output schema, access }.
 * The one thing the renderer imports from the main side.
 */
export const contract = {
  ...authContract,
  ...usersContract,
  ...auditContract,
  ...customersContract,
  ...customerImportContract,
  ...customerStatusContract,
  ...reviewContract,
  ...lookupsContract,
  ...settingsContract,
  ...systemContract,
  ...backupContract,
  ...stocktakeContract,
  ...settlementContract,
  ...networkContract,
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const CHANNELS = Object.keys(contract) as Channel[];
