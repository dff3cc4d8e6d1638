import type { z } from 'zod';
import { auditContract } from './audit/audit.contract';
import { authContract } from './auth/auth.contract';
import { customersContract } from './customers/customers.contract';
import { customerImportContract } from './customers/import/import.contract';
import { customerStatusContract } from './customers/status/status.contract';
import { lookupsContract } from './lookups/lookups.contract';
import { reviewContract } from './review/review.contract';
import { settingsContract } from './settings/settings.contract';
import { systemContract } from './system/system.contract';
import { usersContract } from './users/users.contract';

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
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const CHANNELS = Object.keys(contract) as Channel[];
export function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}
