import { z } from 'zod';
import { channel, pageField } from '../../shared/contract-kit';
import { customerDetailSchema } from './detail.schema';
import { customerCreateSchema, customerUpdateSchema, natureSchema } from './record.schema';
import { customerSearchResultSchema, customerSearchSchema, duplicateMatchSchema } from './search.schema';
import { customerStatusSchema } from './state.schema';
import { taxIdSchema } from './value.schemas';

/**
 * The customer channels. Their schemas live beside this file, one file for each concern, and
 * are re-exported here under the names the rest of the code imports.
 */
export * from './detail.schema';
export * from './record.schema';
export * from './search.schema';
export * from './state.schema';
export * from './value.schemas';

const view = { permission: 'customer.view' } as const;
const idInput = z.object({ id: z.number('validation.required').int().positive() }).strict();

export const customersContract = {
  'customer.search': channel({ access: view, input: customerSearchSchema, output: customerSearchResultSchema }),
  'customer.get': channel({ access: view, input: idInput, output: customerDetailSchema }),
  /** code + name of several customers (labels, pickers) */
  'customer.getMany': channel({
    access: view,
    input: z.object({ ids: z.array(z.number().int().positive()).min(1).max(5000) }).strict(),
    output: z.object({
      items: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string(), status: customerStatusSchema })),
    }),
  }),
  'customer.create': channel({
    writes: true,
    access: { permission: 'customer.create' },
    input: customerCreateSchema,
    output: customerDetailSchema,
  }),
  'customer.update': channel({
    writes: true,
    access: { permission: 'customer.edit' },
    input: customerUpdateSchema,
    output: customerDetailSchema,
  }),
  /** Possible duplicates of a record being typed: same tax ID (refused on save), similar name or same phone (warned). */
  'customer.checkDuplicates': channel({
    access: view,
    input: z
      .object({
        excludeId: z.number().int().positive().optional(),
        name: z.string().max(100).optional(),
        taxId: taxIdSchema,
        phones: z.array(z.string().max(30)).max(50).optional(),
      })
      .strict(),
    output: z.object({ matches: z.array(duplicateMatchSchema) }),
  }),
  /** The next code the pattern would give (shown in the new-customer form). */
  'customer.nextCode': channel({
    access: { permission: 'customer.create' },
    input: z.object({}).strict(),
    output: z.object({ code: z.string() }),
  }),
  /** Pinyin initials for a name: the suggested 助记码 and every plausible reading. */
  'customer.pinyin': channel({
    access: view,
    input: z.object({ name: z.string().max(100), nature: natureSchema.optional() }).strict(),
    output: z.object({ mnemonic: z.string(), readings: z.array(z.string()) }),
  }),
  /** The record's change history (from the operation log), newest first. */
  'customer.history': channel({
    access: view,
    input: z
      .object({
        id: z.number().int().positive(),
        page: pageField().default(1),
        pageSize: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    output: z.object({
      items: z.array(
        z.object({
          id: z.number().int(),
          at: z.string(),
          userName: z.string().nullable(),
          action: z.string(),
          changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })).nullable(),
          reason: z.string().nullable(),
        }),
      ),
      total: z.number().int(),
    }),
  }),
};
