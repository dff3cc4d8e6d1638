import { z } from 'zod';

/** The customer's state (正常 / 冻结 / 已停用) and the change that led to it, as records carry them. */

/** 正常 active, 冻结 frozen (temporary hold), 已停用 deactivated (retired) */
export const CUSTOMER_STATUSES = ['active', 'frozen', 'deactivated'] as const;
export const customerStatusSchema = z.enum(CUSTOMER_STATUSES);
export type CustomerStatus = z.infer<typeof customerStatusSchema>;

const customerRef = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

/** The current state and the change that led to it (shown on the page and in the list). */
export const statusInfoSchema = z.object({
  status: customerStatusSchema,
  changedAt: z.string().nullable(),
  changedByName: z.string().nullable(),
  reasonId: z.number().int().nullable(),
  /** fixed key of the reason (deactivation reasons), e.g. 'duplicate' */
  reasonKey: z.string().nullable(),
  reasonName: z.string().nullable(),
  memo: z.string().nullable(),
  /** the survivor, when this record was retired as a duplicate */
  mergedInto: customerRef.nullable(),
  /** a deactivation set for a later date */
  scheduled: z
    .object({
      effectiveDate: z.string(),
      reasonName: z.string().nullable(),
      memo: z.string().nullable(),
      byName: z.string().nullable(),
      createdAt: z.string(),
      mergedInto: customerRef.nullable(),
    })
    .nullable(),
});
export type StatusInfo = z.infer<typeof statusInfoSchema>;
