import type { LookupKind } from '../../lookups/shared/lookups.contract';

/**
 * The customer's fields, once: what the history logs, the list's columns, the import template's
 * and the export's columns, error paths, history labels, record picking and SQL aliases derive
 * from here. Adding a field is this list, the drizzle schema (and its migration), the zod schema
 * (record.schema.ts, detail.schema.ts) and the form; tests/unit/customers/fields.test.ts checks
 * the list against the schema and the locale files.
 */

/** Which row holds the value: the customers row, its (primary) contact, its (registered) address. */
type FieldPart = 'customer' | 'contact' | 'address';
/** The form's sections (renderer/src/features/customers/form/<Section>Section.tsx). */
type FormSection = 'basic' | 'contacts' | 'addresses' | 'credit' | 'extra';

export interface FieldDef {
  /** the field's name in files, in the list and in label keys (creditLimit, category) */
  key: string;
  part: FieldPart;
  /** the property in the part's row, as drizzle and the contract name it (creditLimitCents, categoryId) */
  column: string;
  /** the SQL column of the part's table; none for the contact and address lists themselves */
  sql?: string;
  /** i18n key of the field's name on the form and the detail page (else the list's) */
  label: string;
  section?: FormSection;
  /** the value names an item of this managed list (the history and files show the item's name) */
  lookup?: LookupKind;
  /** the value is a user (the history and files show the user's name) */
  user?: true;
  /** changes are written to the operation log (the record's history) */
  logged?: true;
  /** a column of the import template and of the export (header in Chinese; aliases also match) */
  file?: { header: string; aliases: readonly string[] };
  /** a column of the customer list: always shown, shown until the user chooses, or on request */
  list?: 'fixed' | 'default' | 'optional';
}

/**
 * In the form's order, which the history follows. Files put the contact's and the address's
 * columns after the record's (see FILE_PARTS); the list shows the contact's columns where they
 * stand here, after the managed lists.
 */
export const CUSTOMER_FIELDS = [
  {
    key: 'code',
    part: 'customer',
    column: 'code',
    sql: 'code',
    label: 'customers.fields.code',
    section: 'basic',
    logged: true,
    file: { header: '客户编码', aliases: ['code', 'customer code', 'customer no', '编码', '客户代码', '客户编号'] },
    list: 'fixed',
  },
  {
    key: 'name',
    part: 'customer',
    column: 'name',
    sql: 'name',
    label: 'customers.fields.name',
    section: 'basic',
    logged: true,
    file: {
      header: '客户名称',
      aliases: ['name', 'customer name', 'customer', 'company', '名称', '客户', '公司', '公司名称', '单位', '单位名称'],
    },
    list: 'fixed',
  },
  {
    key: 'status',
    part: 'customer',
    column: 'status',
    sql: 'status',
    label: 'customers.fields.status',
    list: 'default',
  },
  {
    key: 'shortName',
    part: 'customer',
    column: 'shortName',
    sql: 'short_name',
    label: 'customers.fields.shortName',
    section: 'basic',
    logged: true,
    file: { header: '简称', aliases: ['short name', 'abbreviation', '客户简称'] },
    list: 'optional',
  },
  {
    key: 'mnemonic',
    part: 'customer',
    column: 'mnemonic',
    sql: 'mnemonic',
    label: 'customers.fields.mnemonic',
    section: 'basic',
    logged: true,
    file: { header: '助记码', aliases: ['mnemonic', 'mnemonic code', '拼音码'] },
    list: 'optional',
  },
  {
    key: 'nature',
    part: 'customer',
    column: 'nature',
    sql: 'nature',
    label: 'customers.fields.nature',
    section: 'basic',
    logged: true,
    file: { header: '客户性质', aliases: ['nature', 'type', 'customer type', '性质', '客户类型'] },
    list: 'optional',
  },
  {
    key: 'category',
    part: 'customer',
    column: 'categoryId',
    sql: 'category_id',
    label: 'customers.fields.category',
    section: 'basic',
    lookup: 'category',
    logged: true,
    file: { header: '客户分类', aliases: ['category', 'customer category', '分类', '类别'] },
    list: 'default',
  },
  {
    key: 'industry',
    part: 'customer',
    column: 'industryId',
    sql: 'industry_id',
    label: 'customers.fields.industry',
    section: 'basic',
    lookup: 'industry',
    logged: true,
    file: { header: '行业', aliases: ['industry', '所属行业'] },
    list: 'optional',
  },
  {
    key: 'region',
    part: 'customer',
    column: 'regionId',
    sql: 'region_id',
    label: 'customers.fields.region',
    section: 'basic',
    lookup: 'region',
    logged: true,
    file: { header: '地区', aliases: ['region', 'area', '区域', '片区'] },
    list: 'optional',
  },
  {
    key: 'creditRating',
    part: 'customer',
    column: 'creditRatingId',
    sql: 'credit_rating_id',
    label: 'customers.fields.creditRating',
    section: 'basic',
    lookup: 'creditRating',
    logged: true,
    file: { header: '信用等级', aliases: ['credit rating', 'rating', '等级'] },
    list: 'optional',
  },
  {
    key: 'contactName',
    part: 'contact',
    column: 'name',
    sql: 'name',
    label: 'customers.fields.contact.name',
    section: 'contacts',
    file: { header: '联系人', aliases: ['contact', 'contact name', 'contact person', '联系人姓名'] },
    list: 'default',
  },
  {
    key: 'contactTitle',
    part: 'contact',
    column: 'title',
    sql: 'title',
    label: 'customers.fields.contact.title',
    section: 'contacts',
    file: { header: '职务', aliases: ['title', 'job title', 'position', '职位'] },
  },
  {
    key: 'mobile',
    part: 'contact',
    column: 'mobile',
    sql: 'mobile',
    label: 'customers.fields.contact.mobile',
    section: 'contacts',
    file: {
      header: '手机',
      aliases: ['mobile', 'cell', 'cellphone', 'mobile phone', '手机号', '手机号码', '移动电话'],
    },
    list: 'default',
  },
  {
    key: 'phone',
    part: 'contact',
    column: 'phone',
    sql: 'phone',
    label: 'customers.fields.contact.phone',
    section: 'contacts',
    file: { header: '电话', aliases: ['phone', 'tel', 'telephone', '固定电话', '联系电话', '座机'] },
    list: 'optional',
  },
  {
    key: 'email',
    part: 'contact',
    column: 'email',
    sql: 'email',
    label: 'customers.fields.contact.email',
    section: 'contacts',
    file: { header: '邮箱', aliases: ['email', 'e-mail', 'mail', '电子邮箱', '电子邮件', 'email地址'] },
  },
  {
    key: 'taxId',
    part: 'customer',
    column: 'taxId',
    sql: 'tax_id',
    label: 'customers.fields.taxId',
    section: 'basic',
    logged: true,
    file: {
      header: '统一社会信用代码/税号',
      aliases: ['tax id', 'taxid', 'uscc', 'vat', '统一社会信用代码', '税号', '纳税人识别号', '信用代码'],
    },
    list: 'default',
  },
  {
    key: 'legalRep',
    part: 'customer',
    column: 'legalRep',
    sql: 'legal_rep',
    label: 'customers.fields.legalRep',
    section: 'basic',
    logged: true,
    file: { header: '法人代表', aliases: ['legal representative', 'legal rep', '法定代表人', '法人'] },
  },
  {
    key: 'website',
    part: 'customer',
    column: 'website',
    sql: 'website',
    label: 'customers.fields.website',
    section: 'basic',
    logged: true,
    file: { header: '网址', aliases: ['website', 'web', 'url', '网站', '主页'] },
  },
  // the lists themselves: logged as a whole (their rows' fields are the entries of their part)
  {
    key: 'contacts',
    part: 'customer',
    column: 'contacts',
    label: 'customers.fields.contacts',
    section: 'contacts',
    logged: true,
  },
  {
    key: 'addresses',
    part: 'customer',
    column: 'addresses',
    label: 'customers.fields.addresses',
    section: 'addresses',
    logged: true,
  },
  {
    key: 'country',
    part: 'address',
    column: 'country',
    sql: 'country',
    label: 'customers.fields.address.country',
    section: 'addresses',
    file: { header: '国家/地区', aliases: ['country', 'country/region', '国家', '国别', '国家或地区'] },
  },
  {
    key: 'province',
    part: 'address',
    column: 'provinceCode',
    sql: 'province_code',
    label: 'customers.fields.address.division',
    section: 'addresses',
    file: { header: '省', aliases: ['province', 'state', '省份', '省/直辖市'] },
  },
  {
    key: 'city',
    part: 'address',
    column: 'cityCode',
    sql: 'city_code',
    label: 'customers.fields.address.division',
    section: 'addresses',
    file: { header: '市', aliases: ['city', '城市', '地级市'] },
  },
  {
    key: 'district',
    part: 'address',
    column: 'districtCode',
    sql: 'district_code',
    label: 'customers.fields.address.division',
    section: 'addresses',
    file: { header: '区', aliases: ['district', 'county', '区县', '县', '区/县'] },
  },
  {
    key: 'street',
    part: 'address',
    column: 'street',
    sql: 'street',
    label: 'customers.fields.address.street',
    section: 'addresses',
    file: { header: '详细地址', aliases: ['address', 'street', 'street address', '地址', '街道地址'] },
  },
  {
    key: 'postcode',
    part: 'address',
    column: 'postcode',
    sql: 'postcode',
    label: 'customers.fields.address.postcode',
    section: 'addresses',
    file: { header: '邮编', aliases: ['postcode', 'zip', 'zip code', 'postal code', '邮政编码'] },
  },
  {
    key: 'bankName',
    part: 'customer',
    column: 'bankName',
    sql: 'bank_name',
    label: 'customers.fields.bankName',
    section: 'credit',
    logged: true,
    file: { header: '开户银行', aliases: ['bank', 'bank name', '开户行', '银行'] },
  },
  {
    key: 'bankAccount',
    part: 'customer',
    column: 'bankAccount',
    sql: 'bank_account',
    label: 'customers.fields.bankAccount',
    section: 'credit',
    logged: true,
    file: { header: '银行账号', aliases: ['bank account', 'account no', 'account', '账号', '银行帐号'] },
  },
  {
    key: 'creditLimit',
    part: 'customer',
    column: 'creditLimitCents',
    sql: 'credit_limit_cents',
    label: 'customers.fields.creditLimit',
    section: 'credit',
    logged: true,
    file: { header: '信用额度(元)', aliases: ['credit limit', '信用额度', '额度'] },
    list: 'optional',
  },
  {
    key: 'creditDays',
    part: 'customer',
    column: 'creditDays',
    sql: 'credit_days',
    label: 'customers.fields.creditDays',
    section: 'credit',
    logged: true,
    file: { header: '信用期限(天)', aliases: ['credit days', 'credit term', '信用期限', '账期', '信用天数'] },
  },
  {
    key: 'settlementMethod',
    part: 'customer',
    column: 'settlementMethodId',
    sql: 'settlement_method_id',
    label: 'customers.fields.settlementMethod',
    section: 'credit',
    lookup: 'settlementMethod',
    logged: true,
    file: { header: '结算方式', aliases: ['settlement method', 'settlement', 'payment method'] },
  },
  {
    key: 'paymentTerms',
    part: 'customer',
    column: 'paymentTerms',
    sql: 'payment_terms',
    label: 'customers.fields.paymentTerms',
    section: 'credit',
    logged: true,
    file: { header: '付款条件', aliases: ['payment terms', 'terms'] },
  },
  {
    key: 'salesperson',
    part: 'customer',
    column: 'salespersonId',
    sql: 'salesperson_id',
    label: 'customers.fields.salesperson',
    section: 'credit',
    user: true,
    logged: true,
    file: { header: '专管业务员', aliases: ['salesperson', 'sales rep', 'sales', '业务员', '销售员', '负责人'] },
    list: 'default',
  },
  {
    key: 'contractEndDate',
    part: 'customer',
    column: 'contractEndDate',
    sql: 'contract_end_date',
    label: 'customers.fields.contractEndDate',
    section: 'credit',
    logged: true,
    file: { header: '合同到期日', aliases: ['contract end date', 'contract end', '合同到期', '到期日'] },
    list: 'optional',
  },
  {
    key: 'memo',
    part: 'customer',
    column: 'memo',
    sql: 'memo',
    label: 'customers.fields.memo',
    section: 'extra',
    logged: true,
    file: { header: '备注', aliases: ['memo', 'remark', 'remarks', 'note', 'notes', '说明'] },
  },
  // the state: changed through its own actions (status/), shown in the list
  {
    key: 'statusReason',
    part: 'customer',
    column: 'statusReasonId',
    sql: 'status_reason_id',
    label: 'customers.fields.statusReason',
    lookup: 'deactivationReason',
    list: 'optional',
  },
  {
    key: 'statusChangedAt',
    part: 'customer',
    column: 'statusChangedAt',
    sql: 'status_changed_at',
    label: 'customers.columns.statusChangedAt',
    list: 'optional',
  },
  // 最后核对: set by a stocktake's reconciliation (markVerified), shown in the list on request
  {
    key: 'lastVerifiedAt',
    part: 'customer',
    column: 'lastVerifiedAt',
    sql: 'last_verified_at',
    label: 'customers.columns.lastVerifiedAt',
    list: 'optional',
  },
  {
    key: 'updatedAt',
    part: 'customer',
    column: 'updatedAt',
    sql: 'updated_at',
    label: 'customers.columns.updatedAt',
    list: 'optional',
  },
] as const satisfies readonly FieldDef[];

type Field = (typeof CUSTOMER_FIELDS)[number];
type LoggedField = Extract<Field, { logged: true }>;
type FileFieldDef = Extract<Field, { file: object }>;
type ListFieldDef = Extract<Field, { list: string }>;
type LookupFieldDef = Extract<Field, { lookup: string }>;
type ByRef = Extract<Field, { lookup: string } | { user: true }>;

/** Columns of the customers row the registry knows (drizzle's property names). */
type CustomerColumn = Extract<Field, { part: 'customer'; sql: string }>['column'];
export type FileField = FileFieldDef['key'];
export type ListColumnKey = ListFieldDef['key'];

const all: readonly FieldDef[] = CUSTOMER_FIELDS;
const byKey = new Map(all.map((f) => [f.key, f]));

/**
 * The name a field has in the operation log: a reference is logged by the item's or user's name
 * under the field's key (category), any other value as stored, under its column (creditLimitCents).
 */
export const historyKey = (f: FieldDef): string => (f.lookup || f.user ? f.key : f.column);
export type HistoryField = Extract<LoggedField, ByRef>['key'] | Exclude<LoggedField, ByRef>['column'];

/** Fields the history shows, in form order. */
export const HISTORY_FIELDS = all.filter((f) => f.logged).map(historyKey) as HistoryField[];

/** A row of a file: the record's columns, then its primary contact's, then its registered address's. */
const FILE_PARTS: readonly FieldPart[] = ['customer', 'contact', 'address'];
/** Columns of the import template and of the export, in order. */
export const FILE_FIELDS = FILE_PARTS.flatMap((p) => all.filter((f) => f.part === p && f.file)) as FileFieldDef[];

/** Columns of the customer list, in display order; those shown by default; those always shown. */
export const LIST_COLUMN_KEYS = all.filter((f) => f.list).map((f) => f.key) as ListColumnKey[];
export const DEFAULT_LIST_COLUMN_KEYS = all
  .filter((f) => f.list === 'fixed' || f.list === 'default')
  .map((f) => f.key) as ListColumnKey[];
export const FIXED_LIST_COLUMN_KEYS = all.filter((f) => f.list === 'fixed').map((f) => f.key) as ListColumnKey[];

/** File columns whose cells name an item of a managed list (the key is the list's kind). */
export const LOOKUP_FILE_FIELDS = FILE_FIELDS.filter((f) => 'lookup' in f) as Extract<FileFieldDef, LookupFieldDef>[];

/** Logged columns named otherwise than their field (categoryId → category, creditLimitCents → creditLimit). */
export const LOGGED_COLUMN_KEYS: Readonly<Record<string, string>> = Object.fromEntries(
  all.filter((f) => f.logged && f.column !== f.key).map((f) => [f.column, f.key]),
);

/** Logged columns of the customers row that hold an item of a managed list (categoryId, …). */
export const LOGGED_LOOKUP_COLUMNS = all.filter((f) => f.logged && f.lookup).map((f) => f.column);

/** The customers columns the record (customer.get) carries as stored, in form order. */
export const RECORD_COLUMNS = all
  .filter((f) => f.part === 'customer' && f.section && f.sql)
  .map((f) => f.column) as Extract<Field, { part: 'customer'; section: string; sql: string }>['column'][];

/** Where an error about a contact or an address as a whole is shown (its name; its division). */
const PART_FALLBACK = { contact: 'contactName', address: 'province' } as const;

/**
 * The field of a contract path (creditLimitCents, contacts.0.mobile, addresses.1.cityCode): a
 * row's property names the field of its part; null for a path no field has.
 */
export function fieldOfPath(path: readonly PropertyKey[]): FieldDef | null {
  const [head, , sub] = path.map(String);
  const part: FieldPart = head === 'contacts' ? 'contact' : head === 'addresses' ? 'address' : 'customer';
  const column = part === 'customer' ? head : sub;
  const found = all.find((f) => f.part === part && f.column === column);
  if (found || part === 'customer') return found ?? null;
  return byKey.get(PART_FALLBACK[part]) ?? null;
}

/** The SQL column of a customers column (creditLimitCents → credit_limit_cents). */
export const sqlColumn = (column: CustomerColumn): string =>
  (all.find((f) => f.part === 'customer' && f.column === column) as FieldDef).sql as string;

/** `c.short_name AS shortName, …`: customers columns in SQL under their record names. */
export function sqlSelect(columns: readonly CustomerColumn[], alias = 'c'): string {
  return columns
    .map((column) => {
      const sql = sqlColumn(column);
      return sql === column ? `${alias}.${sql}` : `${alias}.${sql} AS ${column}`;
    })
    .join(', ');
}
