import { z } from 'zod';
import { channel, pageField } from '../../shared/contract-kit';

const view = { permission: 'audit.view' } as const;

const auditRowSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.number().int().nullable(),
  userName: z.string().nullable(),
  entity: z.string(),
  entityId: z.string().nullable(),
  action: z.string(),
  /** field → { before, after } */
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })).nullable(),
  reason: z.string().nullable(),
  /**
   * The record the row is about, as it is now (customer: code and name; user: user name and display
   * name; managed-list item: its name); null when it is not a record or no longer found.
   */
  target: z.object({ id: z.number().int(), code: z.string().nullable(), name: z.string() }).nullable(),
  /** the paired device (办公室网络) the change was made on, as it is named now; null on the server PC */
  device: z.object({ id: z.number().int(), name: z.string() }).nullable(),
});
export type AuditRow = z.infer<typeof auditRowSchema>;

const isoInstant = z.iso.datetime({ offset: true, error: 'validation.dateTime' });

const auditListInputSchema = z
  .object({
    page: pageField().default(1),
    pageSize: z.number().int().min(1).max(200).default(20),
    userId: z.number().int().positive().optional(),
    entity: z.string().max(64).optional(),
    action: z.string().max(64).optional(),
    entityId: z.string().max(64).optional(),
    /** inclusive lower bound, UTC ISO instant */
    from: isoInstant.optional(),
    /** exclusive upper bound, UTC ISO instant */
    to: isoInstant.optional(),
  })
  .strict();

export const auditContract = {
  'audit.list': channel({
    access: view,
    input: auditListInputSchema,
    output: z.object({
      items: z.array(auditRowSchema),
      total: z.number().int(),
      page: z.number().int(),
      pageSize: z.number().int(),
    }),
  }),
  'audit.facets': channel({
    access: view,
    input: z.object({}).strict(),
    output: z.object({
      users: z.array(z.object({ id: z.number().int(), name: z.string() })),
      entities: z.array(z.string()),
      actions: z.array(z.string()),
    }),
  }),
};
