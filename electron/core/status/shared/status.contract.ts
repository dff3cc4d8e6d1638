import { z } from 'zod';
import { channel, refuseHiddenChars } from '../../shared/contract-kit';
import { normalizeMultiline } from '../../shared/normalize';
import { customerStatusSchema } from '../../customers/shared/customers.contract';

/**
 * 冻结 / 解冻 / 停用 / 启用: the state changes of a customer, one or many at once.
 * A change applies to all the given customers or to none (the preview shows which would fail).
 */
const STATUS_ACTIONS = ['freeze', 'unfreeze', 'deactivate', 'reactivate'] as const;
const statusActionSchema = z.enum(STATUS_ACTIONS);
export type StatusAction = z.infer<typeof statusActionSchema>;

/** Permission each action needs (the core checks it; the UI hides what the user may not do). */
export const STATUS_ACTION_PERMISSION = {
  freeze: 'customer.freeze',
  unfreeze: 'customer.freeze',
  deactivate: 'customer.deactivate',
  reactivate: 'customer.reactivate',
} as const;

const ids = z
  .array(z.number().int().positive())
  .min(1, 'validation.required')
  .max(500, 'validation.range')
  .transform((a) => [...new Set(a)]);
const memo = z
  .string()
  .superRefine(refuseHiddenChars)
  .transform(normalizeMultiline)
  .pipe(z.string().max(500, 'validation.tooLong'))
  .transform((s) => s || null)
  .nullable()
  .optional();
/** Unfreezing and reactivating need a written reason. */
const requiredMemo = z
  .string('customers.validation.reasonRequired')
  .superRefine(refuseHiddenChars)
  .transform(normalizeMultiline)
  .pipe(z.string().min(1, 'customers.validation.reasonRequired').max(500, 'validation.tooLong'));
const reasonId = z.number('customers.validation.reasonRequired').int().positive();
const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'customers.validation.date')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'customers.validation.date');

/** Something still open for a customer (a later feature's documents): shown before a change. */
const openItemSchema = z.object({
  /** i18n key under customers.openItems.* (e.g. openBalance, openSettlements, openStocktakes) */
  kind: z.string(),
  count: z.number().int(),
  amountCents: z.number().int().nullable(),
});
export type OpenItem = z.infer<typeof openItemSchema>;

const customerRef = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

const statusPreviewItemSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  status: customerStatusSchema,
  statusReasonName: z.string().nullable(),
  /** why the action cannot apply to this customer (i18n key), or null */
  refusal: z.string().nullable(),
  openItems: z.array(openItemSchema),
  /** a pending scheduled deactivation */
  scheduledDate: z.string().nullable(),
});

const changeResult = z.object({
  /** customers whose state changed now */
  changed: z.number().int(),
  /** customers whose deactivation was scheduled for a later date */
  scheduled: z.number().int(),
  items: z.array(
    z.object({ id: z.number().int(), status: customerStatusSchema, scheduledDate: z.string().nullable() }),
  ),
});

const statusHistoryItemSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  userName: z.string().nullable(),
  /** freeze | unfreeze | deactivate | reactivate | schedule | cancelSchedule */
  action: z.string(),
  fromStatus: customerStatusSchema,
  toStatus: customerStatusSchema,
  reasonName: z.string().nullable(),
  memo: z.string().nullable(),
  effectiveDate: z.string().nullable(),
  mergedInto: customerRef.nullable(),
  openItems: z.array(openItemSchema),
  reviewRunId: z.number().int().nullable(),
});
export type StatusHistoryItem = z.infer<typeof statusHistoryItemSchema>;

const view = { permission: 'customer.view' } as const;

export const customerStatusContract = {
  /** What an action would do to each customer: current state, refusal, open items. Changes nothing. */
  'customer.statusPreview': channel({
    access: view,
    input: z.object({ ids, action: statusActionSchema }).strict(),
    output: z.object({ items: z.array(statusPreviewItemSchema) }),
  }),
  'customer.freeze': channel({
    writes: true,
    access: { permission: 'customer.freeze' },
    input: z
      .object({
        ids,
        reasonId,
        memo,
        acknowledgeOpenItems: z.boolean().default(false),
        reviewRunId: z.number().int().positive().optional(),
      })
      .strict(),
    output: changeResult,
  }),
  'customer.unfreeze': channel({
    writes: true,
    access: { permission: 'customer.freeze' },
    input: z.object({ ids, memo: requiredMemo }).strict(),
    output: changeResult,
  }),
  /**
   * 停用. A reason from the managed list is required. An effective date after today schedules it.
   * With reason 重复档案 (key 'duplicate') and one customer, `survivorId` merges it into the survivor.
   */
  'customer.deactivate': channel({
    writes: true,
    access: { permission: 'customer.deactivate' },
    input: z
      .object({
        ids,
        reasonId,
        memo,
        effectiveDate: localDate.nullable().optional(),
        survivorId: z.number().int().positive().nullable().optional(),
        acknowledgeOpenItems: z.boolean().default(false),
        reviewRunId: z.number().int().positive().optional(),
      })
      .strict(),
    output: changeResult,
  }),
  /** 启用: a deactivated customer becomes active again (not one merged into another). */
  'customer.reactivate': channel({
    writes: true,
    access: { permission: 'customer.reactivate' },
    input: z.object({ ids, memo: requiredMemo }).strict(),
    output: changeResult,
  }),
  /** Withdraws a scheduled deactivation. */
  'customer.cancelScheduled': channel({
    writes: true,
    access: { permission: 'customer.deactivate' },
    input: z.object({ id: z.number().int().positive(), memo }).strict(),
    output: changeResult,
  }),
  /** 状态记录: every state change of one customer, newest first. */
  'customer.statusHistory': channel({
    access: view,
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: z.object({ items: z.array(statusHistoryItemSchema) }),
  }),
};
