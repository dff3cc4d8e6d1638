import type { z } from 'zod';
import type { Sqlite } from '../../../db/open';
import type { companySchema } from './shared/settlement.contract';

type Company = z.infer<typeof companySchema>;

const FIELDS = ['name', 'taxId', 'address', 'phone', 'bankName', 'bankAccount', 'paymentNote'] as const;

/** The company header printed on statements: settings key 'settlement.company' (JSON), blanks as null. */
export function readCompany(sqlite: Sqlite): Company {
  const raw = sqlite.prepare("SELECT value FROM settings WHERE key = 'settlement.company'").pluck().get() as
    | string
    | undefined;
  let v: Record<string, unknown> = {};
  try {
    v = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  } catch {
    v = {};
  }
  return Object.fromEntries(FIELDS.map((f) => [f, typeof v[f] === 'string' && v[f] ? v[f] : null])) as Company;
}
