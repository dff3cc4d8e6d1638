import { z } from 'zod';
import { channel, offsetField } from '../../shared/contract-kit';
import { CUSTOMERS_EXPORT_JOB, customerFiltersSchema, customerSearchSchema } from '../../customers/shared/customers.contract';
import { FILE_FIELDS, type FileField, LOOKUP_FILE_FIELDS } from '../../customers/shared/fields';

type LookupFileField = (typeof LOOKUP_FILE_FIELDS)[number]['key'];
import { type JobProgress, jobProgressSchema } from '../../jobs/shared/jobs.contract';

/**
 * Customer import from .xlsx / .csv and export of the filtered list. Contract-side: the columns
 * of the template (Chinese headers, also recognised in English) and the channels.
 */

/**
 * Columns of the template and of the export, in order. `aliases` also match when mapping. They
 * come from the customer field registry (customers/shared/fields.ts).
 */
export const IMPORT_COLUMNS = FILE_FIELDS.map((f) => ({ field: f.key, header: f.file.header, aliases: f.file.aliases }));

export type ImportField = FileField;

/**
 * Columns the export adds after the template's: the customer's state. Import recognises them and
 * skips them (a record is imported as 正常; states change through their own actions, with reasons).
 */
export const EXPORT_STATE_COLUMNS = [
  { key: 'status', header: '状态', aliases: ['status', '客户状态'] },
  { key: 'deactivationReason', header: '停用原因', aliases: ['deactivation reason'] },
  { key: 'deactivatedAt', header: '停用时间', aliases: ['deactivated at', '停用日期'] },
] as const;

/** The Chinese labels of the states in files. */
export const STATUS_LABELS = { active: '正常', frozen: '冻结', deactivated: '已停用' } as const;
export const IMPORT_FIELDS = IMPORT_COLUMNS.map((c) => c.field) as [ImportField, ...ImportField[]];
const importFieldSchema = z.enum(IMPORT_FIELDS);

/** The Chinese labels of 客户性质 in files (the record keeps the code). */
export const NATURE_LABELS = {
  enterprise: '企业',
  individualBusiness: '个体工商户',
  person: '个人',
  government: '政府机关',
  other: '其他',
} as const;

/** Largest file accepted (bytes); its base64 must fit the host's 50 MB body limit. */
export const MAX_IMPORT_BYTES = 30 * 1024 * 1024;
/** The largest piece of an upload one call carries (customer.importUploadPart): a few ms to parse. */
export const UPLOAD_PART_BYTES = 512 * 1024;

/**
 * Standard base64 with padding, nothing else: Buffer.from would silently skip other characters
 * and store a file that is not the one sent. (A single character-class loop: no deep backtracking on 40 MB.)
 */
const isStrictBase64 = (s: string) => s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s);

const idSchema = z.string().regex(/^[0-9a-f]{32}$/, 'validation.invalid_format');
/** For each column of the file, in order: the field it fills, or null (ignored). */
const mappingSchema = z.array(importFieldSchema.nullable()).min(1).max(200);
export const importModeSchema = z.enum(['allOrNothing', 'validOnly']);

/** The columns whose cells name an item of a managed list (the field is the list's kind). */
export const LOOKUP_IMPORT_FIELDS = LOOKUP_FILE_FIELDS.map((f) => f.key) as [LookupFileField, ...LookupFileField[]];
const lookupImportFieldSchema = z.enum(LOOKUP_IMPORT_FIELDS);
export type LookupImportField = z.infer<typeof lookupImportFieldSchema>;

/**
 * What a value of the file that names no item means: an existing item, a new item of that name
 * (needs lookup.manage; created in the import's transaction), or nothing (the field stays empty).
 */
export const MAX_VALUE_MAP_TEXT = 200;
const valueText = z.string().min(1, 'validation.required').max(MAX_VALUE_MAP_TEXT, 'validation.tooLong');
const valueMapEntrySchema = z.discriminatedUnion('action', [
  z.object({ field: lookupImportFieldSchema, value: valueText, action: z.literal('item'), id: z.number().int().positive() }).strict(),
  z.object({ field: lookupImportFieldSchema, value: valueText, action: z.literal('create') }).strict(),
  z.object({ field: lookupImportFieldSchema, value: valueText, action: z.literal('empty') }).strict(),
]);
export type ValueMapEntry = z.infer<typeof valueMapEntrySchema>;
const valueMapSchema = z.array(valueMapEntrySchema).max(5000).default([]);

/** Values of one column that name no active item, with what to suggest for each. */
const valueSuggestion = z.object({
  action: z.enum(['item', 'empty']),
  id: z.number().int().nullable(),
  /** remembered from an earlier import, or the most similar item's name */
  source: z.enum(['remembered', 'similar']),
});
const unmatchedColumnSchema = z.object({
  field: lookupImportFieldSchema,
  column: z.string(),
  /** the active items of the list, in their order (labels as a file would name them) */
  items: z.array(z.object({ id: z.number().int(), label: z.string() })),
  values: z.array(
    z.object({
      value: z.string(),
      rows: z.number().int(),
      /** why the value names no item: no such item, only an inactive one, several of that name */
      reason: z.enum(['unknown', 'inactive', 'ambiguous']),
      /** a new item may take the value as its name (no item of that name, at most 50 characters) */
      creatable: z.boolean(),
      suggestion: valueSuggestion.nullable(),
    }),
  ),
  /** distinct values left off the list (beyond the first MAX_UNMATCHED_VALUES) */
  more: z.number().int(),
});
export type UnmatchedColumn = z.infer<typeof unmatchedColumnSchema>;
export const MAX_UNMATCHED_VALUES = 500;

/** One problem found in the file: spreadsheet row number (header = 1), the column's header text. */
const importIssueSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  field: z.string().nullable(),
  messageKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** the cell as found in the file (shortened) */
  value: z.string().nullable(),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;

/**
 * Progress of import's long steps: `job.progress` events (core/jobs) of its kinds, `import.*`,
 * sent to the user who started the step; `id` is the upload's (or the download's) id.
 */
export const importProgressSchema = jobProgressSchema.extend({
  phase: z.enum(['parse', 'validate', 'write', 'export']),
});
export type ImportProgress = z.infer<typeof importProgressSchema>;
/** Whether a progress event is one this page shows: import's steps or the customers' export (not another feature's job). */
export const isImportProgress = (p: JobProgress): p is ImportProgress =>
  p.kind.startsWith('import.') || p.kind === CUSTOMERS_EXPORT_JOB;

const validationSummary = z.object({
  total: z.number().int(),
  validRows: z.number().int(),
  invalidRows: z.number().int(),
  /** rows with a warning only (a similar name): imported in either mode */
  warningRows: z.number().int(),
  errorCount: z.number().int(),
  warningCount: z.number().int(),
  /** the first page of errors, then of warnings (more through customer.importIssues) */
  errors: z.array(importIssueSchema),
  warnings: z.array(importIssueSchema),
  /** mapping problems (a field mapped twice, no 客户名称 column): nothing can be validated */
  mappingErrors: z.array(z.object({ field: z.string(), messageKey: z.string() })),
  /** every message key among all errors and warnings (the error file's texts are asked for these) */
  messageKeys: z.array(z.string()),
});
export type ValidationSummary = z.infer<typeof validationSummary>;

/** A file the user downloads: fetched in pieces through customer.downloadFile. */
const fileRef = z.object({ fileId: z.string(), fileName: z.string(), size: z.number().int(), rows: z.number().int().optional() });

/** Texts for files made for the user, in the user's language ({{name}} placeholders allowed). */
const textsSchema = z.record(z.string().max(200), z.string().max(500)).refine((r) => Object.keys(r).length <= 500);

const imp = { permission: 'customer.import' } as const;

export const customerImportContract = {
  /** The template: Chinese headers, an example row, and a sheet listing the allowed values. */
  'customer.importTemplate': channel({ access: imp, input: z.object({}).strict(), output: fileRef }),
  /**
   * One piece of a file on its way up (at most UPLOAD_PART_BYTES, base64), appended at `offset`:
   * a big file travels in pieces, so no call parses or decodes a big blob on the main thread. The
   * first piece (no `partsId`) starts a new one; `customer.importUpload` then takes the `partsId`.
   */
  'customer.importUploadPart': channel({
    access: imp,
    input: z
      .object({
        partsId: z.string().regex(/^[0-9a-f]{32}$/).optional(),
        offset: z.number().int().min(0).max(MAX_IMPORT_BYTES),
        dataBase64: z
          .string()
          .min(1, 'import.errors.emptyFile')
          .max(Math.ceil(UPLOAD_PART_BYTES / 3) * 4, 'import.errors.tooLarge')
          .refine(isStrictBase64, 'errors.notBase64'),
      })
      .strict(),
    output: z.object({ partsId: z.string(), size: z.number().int() }),
  }),
  /**
   * Stores the file under the data folder and reads its headers and first rows: the pieces sent
   * with customer.importUploadPart (`partsId`), or a small file whole (`dataBase64`).
   */
  'customer.importUpload': channel({
    access: imp,
    input: z
      .object({
        fileName: z.string().min(1).max(255),
        partsId: z.string().regex(/^[0-9a-f]{32}$/).optional(),
        dataBase64: z
          .string()
          .min(1, 'import.errors.emptyFile')
          .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4, 'import.errors.tooLarge')
          .refine(isStrictBase64, 'errors.notBase64')
          .optional(),
      })
      .strict(),
    output: z.object({
      uploadId: z.string(),
      fileName: z.string(),
      headers: z.array(z.string()),
      sampleRows: z.array(z.array(z.string())),
      rowCount: z.number().int(),
      suggestedMapping: z.array(importFieldSchema.nullable()),
    }),
  }),
  /**
   * The values of managed-list columns that name no active item, each with a suggestion (the
   * mapping remembered from earlier imports, else the most similar item); changes nothing.
   */
  'customer.importValues': channel({
    access: imp,
    input: z.object({ uploadId: idSchema, mapping: mappingSchema }).strict(),
    output: z.object({
      /** may the caller create new items (lookup.manage)? */
      canCreate: z.boolean(),
      columns: z.array(unmatchedColumnSchema),
    }),
  }),
  /** Checks every row with the same rules as the form (and against the archive); changes nothing. */
  'customer.importValidate': channel({
    access: imp,
    input: z
      .object({ uploadId: idSchema, mapping: mappingSchema, valueMap: valueMapSchema, pageSize: z.number().int().min(1).max(1000).default(100) })
      .strict(),
    output: validationSummary,
  }),
  /** More errors or warnings of the last validation of an upload. */
  'customer.importIssues': channel({
    access: imp,
    input: z
      .object({
        uploadId: idSchema,
        kind: z.enum(['error', 'warning']),
        offset: offsetField().default(0),
        limit: z.number().int().min(1).max(1000).default(100),
      })
      .strict(),
    output: z.object({ items: z.array(importIssueSchema), total: z.number().int() }),
  }),
  /**
   * Imports: every row or nothing (the default), or the valid rows only; one transaction, which
   * also creates the items the value map asks for and remembers the value map for next time.
   */
  'customer.importRun': channel({
    access: imp,
    input: z.object({ uploadId: idSchema, mapping: mappingSchema, valueMap: valueMapSchema, mode: importModeSchema.default('allOrNothing') }).strict(),
    output: z.object({
      imported: z.number().int(),
      skipped: z.number().int(),
      total: z.number().int(),
      firstCode: z.string().nullable(),
      lastCode: z.string().nullable(),
    }),
  }),
  /** The rows with errors, as in the file, with the row number and the reasons (to fix and re-import). */
  'customer.importErrorsFile': channel({
    access: imp,
    input: z.object({ uploadId: idSchema, mapping: mappingSchema, valueMap: valueMapSchema, texts: textsSchema }).strict(),
    output: fileRef,
  }),
  /** The filtered list (the same q + filters as customer.search) with the template's columns. */
  'customer.export': channel({
    access: { permission: 'customer.export' },
    input: z
      .object({
        q: customerSearchSchema.shape.q,
        filters: customerFiltersSchema.default({}),
        sort: customerSearchSchema.shape.sort,
        format: z.enum(['xlsx', 'csv']).default('xlsx'),
      })
      .strict(),
    output: fileRef,
  }),
  /** A piece of a file made for this user (template, errors, export), base64. */
  'customer.downloadFile': channel({
    access: 'session',
    input: z.object({ fileId: idSchema, offset: offsetField().default(0) }).strict(),
    output: z.object({ dataBase64: z.string(), offset: z.number().int(), size: z.number().int(), done: z.boolean() }),
  }),
};
