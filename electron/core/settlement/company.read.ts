import type { z } from 'zod';
import type { Sqlite } from '../../../db/open';
import { defineSetting, readSetting } from '../settings/settings.store';
import { companySchema } from './shared/settlement.contract';

type Company = z.infer<typeof companySchema>;

const EMPTY: Company = {
  name: null,
  taxId: null,
  address: null,
  phone: null,
  bankName: null,
  bankAccount: null,
  paymentNote: null,
};

/** The company header printed on notices and statements: settings key 'settlement.company' (JSON). */
export const COMPANY_SETTING = defineSetting<Company>({
  key: 'settlement.company',
  schema: companySchema,
  defaults: EMPTY,
  overDefaults: (stored, defaults) => (stored && typeof stored === 'object' ? { ...defaults, ...stored } : defaults),
});

/** The company header on a raw connection (a pool read's, the statement export's). */
export const readCompany = (sqlite: Sqlite): Company => readSetting(sqlite, COMPANY_SETTING);
