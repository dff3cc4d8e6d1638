import type { z } from 'zod';
import type { Actor } from '../actor';
import { diffFields, writeLog } from '../audit/audit.log';
import type { Core } from '../core';
import { inTransaction } from '../transaction';
import { COMPANY_SETTING } from './company.read';
import type { companyInputSchema, companySchema } from './shared/settlement.contract';

/** The company header printed on notices and statements (settings key 'settlement.company'). */
type Company = z.infer<typeof companySchema>;

const FIELDS = ['name', 'taxId', 'address', 'phone', 'bankName', 'bankAccount', 'paymentNote'] as const;

export const getCompany = (core: Core): Company => core.settings.get(COMPANY_SETTING);

export function updateCompany(core: Core, actor: Actor, input: z.output<typeof companyInputSchema>): Company {
  return inTransaction(core, () => {
    const before = getCompany(core);
    const next = Object.fromEntries(FIELDS.map((f) => [f, input[f] ?? null])) as Company;
    const now = core.clock.now();
    core.settings.put(COMPANY_SETTING, next, now, actor.id);
    writeLog(core.db, now, actor, {
      entity: 'settings',
      entityId: COMPANY_SETTING.key,
      action: 'update',
      changes: diffFields(before, next, [...FIELDS]),
    });
    return getCompany(core);
  });
}
