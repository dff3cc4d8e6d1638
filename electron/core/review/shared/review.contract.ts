import { z } from 'zod';
import { channel, offsetField, pageField, refuseHiddenChars } from '../../shared/contract-kit';
import { customerStatusSchema } from '../../customers/shared/customers.contract';
import { normalizeMultiline } from '../../shared/normalize';

/**
 * 停用审查: the periodic status review. Rules are data (settings key 'review'), each with one
 * set-based SQL query (review.rules.ts). A run stores its candidates; decisions are recorded on them.
 */
export const REVIEW_RULE_KEYS = [
  'inactivity',
  'contractEnded',
  'creditRating',
  'stocktakeMissing',
  'overdueReceivables',
  'overCreditLimit',
] as const;
const reviewRuleKeySchema = z.enum(REVIEW_RULE_KEYS);
export type ReviewRuleKey = z.infer<typeof reviewRuleKeySchema>;

/** Review intervals in months; 0 = no schedule (no badge). */
export const REVIEW_INTERVALS = [0, 1, 3, 6, 12] as const;

const range = (min: number, max: number) =>
  z.number('validation.required').int().min(min, 'validation.range').max(max, 'validation.range');

export const reviewSettingsSchema = z
  .object({
    rules: z
      .object({
        /** no activity (create, edit, reactivation, transaction) for `days` days */
        inactivity: z.object({ enabled: z.boolean(), days: range(30, 3650) }).strict(),
        /** contract end date passed more than `graceDays` days ago */
        contractEnded: z.object({ enabled: z.boolean(), graceDays: range(0, 365) }).strict(),
        /** credit rating at or below the given level (managed list creditRating, in list order) */
        creditRating: z.object({ enabled: z.boolean(), ratingId: z.number().int().positive().nullable() }).strict(),
        /** not found in the last completed stocktake (needs 客户盘点) */
        stocktakeMissing: z.object({ enabled: z.boolean() }).strict(),
        /** receivables overdue by more than `days` days (needs 无票结算) */
        overdueReceivables: z.object({ enabled: z.boolean(), days: range(1, 3650) }).strict(),
        /** open balance above the credit limit (needs 无票结算) */
        overCreditLimit: z.object({ enabled: z.boolean() }).strict(),
      })
      .strict(),
    /** a kept customer is not proposed again for this many days */
    keepDays: range(1, 3650),
    /** months between reviews; 0 = no schedule */
    intervalMonths: z
      .number('validation.required')
      .int()
      .refine((n) => (REVIEW_INTERVALS as readonly number[]).includes(n), 'validation.range'),
  })
  .strict();
export type ReviewSettings = z.infer<typeof reviewSettingsSchema>;

const ruleStateSchema = z.object({
  key: reviewRuleKeySchema,
  /** false while the feature the rule reads does not exist yet (stocktake, settlement) */
  available: z.boolean(),
  /** deactivation reason key a hit suggests (inactive, contractEnded, creditRisk) */
  reasonKey: z.string(),
});

const reviewRunSchema = z.object({
  id: z.number().int(),
  startedAt: z.string(),
  startedByName: z.string().nullable(),
  candidateCount: z.number().int(),
  durationMs: z.number().int(),
  /** the current run (a later run closes it) */
  open: z.boolean(),
  /** what was done with its candidates */
  deactivated: z.number().int(),
  scheduled: z.number().int(),
  frozen: z.number().int(),
  kept: z.number().int(),
  /** the rules this run applied (as stored) */
  rules: z.array(reviewRuleKeySchema),
});
export type ReviewRun = z.infer<typeof reviewRunSchema>;

export const CANDIDATE_SORTS = ['code', 'name', 'ruleCount', 'lastActivityAt', 'contractEndDate'] as const;

const reviewCandidateSchema = z.object({
  customerId: z.number().int(),
  code: z.string(),
  name: z.string(),
  /** the customer's state now (it may have changed since the run) */
  status: customerStatusSchema,
  rules: z.array(reviewRuleKeySchema),
  /** facts at run time */
  lastActivityAt: z.string().nullable(),
  contractEndDate: z.string().nullable(),
  creditRatingName: z.string().nullable(),
  /** deactivation reason key to prefill (from the first rule that hit) */
  suggestedReasonKey: z.string(),
  /** null (open) | deactivated | scheduled | frozen | kept */
  decision: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  note: z.string().nullable(),
});
export type ReviewCandidate = z.infer<typeof reviewCandidateSchema>;

const review = { permission: 'customer.review' } as const;
const note = z
  .string('review.validation.noteRequired')
  .superRefine(refuseHiddenChars)
  .transform(normalizeMultiline)
  .pipe(z.string().min(1, 'review.validation.noteRequired').max(500, 'validation.tooLong'));

export const reviewContract = {
  /** Rules, keep period and schedule, with which rules are available. */
  'review.getSettings': channel({
    access: review,
    input: z.object({}).strict(),
    output: z.object({ settings: reviewSettingsSchema, rules: z.array(ruleStateSchema) }),
  }),
  'review.updateSettings': channel({
    writes: true,
    access: { permission: 'settings.manage' },
    input: reviewSettingsSchema,
    output: z.object({ settings: reviewSettingsSchema, rules: z.array(ruleStateSchema) }),
  }),
  /** Whether a review is due (the sidebar badge), and the current run. */
  'review.status': channel({
    access: review,
    input: z.object({}).strict(),
    output: z.object({
      due: z.boolean(),
      lastRunAt: z.string().nullable(),
      /** UTC ISO; null without a schedule */
      nextDueAt: z.string().nullable(),
      currentRun: reviewRunSchema.nullable(),
    }),
  }),
  /** Runs the enabled rules over all customers; the new run replaces the current one. */
  'review.start': channel({
    writes: true,
    access: review,
    input: z.object({}).strict(),
    output: reviewRunSchema,
  }),
  /** Candidates of a run (default: the current one), sortable and paged. */
  'review.candidates': channel({
    access: review,
    input: z
      .object({
        runId: z.number().int().positive().optional(),
        rule: reviewRuleKeySchema.optional(),
        /** open: no decision yet (default); decided; all */
        decision: z.enum(['open', 'decided', 'all']).default('open'),
        sort: z.object({ field: z.enum(CANDIDATE_SORTS), order: z.enum(['asc', 'desc']) }).optional(),
        offset: offsetField().default(0),
        limit: z.number().int().min(1).max(500).default(50),
      })
      .strict(),
    output: z.object({
      run: reviewRunSchema.nullable(),
      items: z.array(reviewCandidateSchema),
      total: z.number().int(),
    }),
  }),
  /** 保留: reviewed and kept, with a note; not proposed again for `keepDays`. */
  'review.keep': channel({
    writes: true,
    access: review,
    input: z
      .object({
        runId: z.number().int().positive(),
        customerIds: z
          .array(z.number().int().positive())
          .min(1, 'validation.required')
          .max(500, 'validation.range')
          .transform((a) => [...new Set(a)]),
        note,
      })
      .strict(),
    output: z.object({ kept: z.number().int(), keptUntil: z.string() }),
  }),
  /** Every run, newest first: when, by whom, how many candidates, what was done. */
  'review.runs': channel({
    access: review,
    input: z.object({ page: pageField().default(1), pageSize: z.number().int().min(1).max(100).default(20) }).strict(),
    output: z.object({ items: z.array(reviewRunSchema), total: z.number().int() }),
  }),
};
