import { z } from 'zod';
import { channel, LIMITS, refuseHiddenChars } from '../../shared/contract-kit';
import { normalizeProse } from '../../shared/normalize';

/** The managed lists of the customer record, and the reasons for deactivating one. */
export const LOOKUP_KINDS = [
  'category',
  'industry',
  'region',
  'creditRating',
  'settlementMethod',
  'deactivationReason',
] as const;
const lookupKindSchema = z.enum(LOOKUP_KINDS);
export type LookupKind = z.infer<typeof lookupKindSchema>;

const lookupItemSchema = z.object({
  id: z.number().int(),
  kind: lookupKindSchema,
  parentId: z.number().int().nullable(),
  name: z.string(),
  /** fixed key of an item the app refers to (deactivation reasons: inactive, creditRisk, contractEnded, closedDown, duplicate, other) */
  key: z.string().nullable(),
  sort: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
});
export type LookupItem = z.infer<typeof lookupItemSchema>;

const lookupName = z
  .string('validation.required')
  .superRefine(refuseHiddenChars)
  .transform(normalizeProse)
  .pipe(z.string().min(1, 'validation.required').max(50, 'validation.tooLong'));
const id = z.number('validation.required').int().positive();
/** order within the list: 0 … LIMITS.sort */
const sort = z.number().int().min(0, 'validation.range').max(LIMITS.sort, 'validation.range');
const manage = { permission: 'lookup.manage' } as const;

/** Broadcast after a managed list changed: every open window reloads its lists (pickers, filters). */
export const LOOKUPS_CHANGED_EVENT = 'lookups.changed';

export const lookupsContract = {
  /** All items of the given kinds (active and inactive; pickers show the active ones). */
  'lookup.list': channel({
    access: { permission: 'customer.view' },
    input: z.object({ kinds: z.array(lookupKindSchema).optional() }).strict(),
    output: z.object({ items: z.array(lookupItemSchema) }),
  }),
  'lookup.create': channel({
    writes: true,
    access: manage,
    input: z
      .object({
        kind: lookupKindSchema,
        name: lookupName,
        parentId: id.nullable().optional(),
        sort: sort.optional(),
      })
      .strict(),
    output: lookupItemSchema,
  }),
  'lookup.update': channel({
    writes: true,
    access: manage,
    input: z
      .object({
        id,
        version: id,
        name: lookupName,
        parentId: id.nullable().optional(),
        sort: sort.optional(),
        active: z.boolean(),
      })
      .strict(),
    output: lookupItemSchema,
  }),
};
