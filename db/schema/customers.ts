import { sql } from 'drizzle-orm';
import {
  type AnySQLiteColumn,
  index,
  integer,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { users } from './users';
import { auditColumns } from './columns';
import { lookups } from './lookups';

/** 客户档案. Money in integer cents (分); dates as 'YYYY-MM-DD'; times as UTC ISO strings. */
export const customers = sqliteTable(
  'customers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** 客户编码: unique, fixed after creation (barcodes carry it) */
    code: text('code').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    /** 助记码: pinyin initials, generated, editable */
    mnemonic: text('mnemonic'),
    /** name folded for duplicate detection (half-width, no spaces, no legal suffix) */
    nameNorm: text('name_norm').notNull(),
    categoryId: integer('category_id').references(() => lookups.id),
    /** enterprise | individualBusiness | person | government | other */
    nature: text('nature').notNull().default('enterprise'),
    industryId: integer('industry_id').references(() => lookups.id),
    regionId: integer('region_id').references(() => lookups.id),
    creditRatingId: integer('credit_rating_id').references(() => lookups.id),
    /** 统一社会信用代码 / 税号, upper-case */
    taxId: text('tax_id'),
    legalRep: text('legal_rep'),
    website: text('website'),
    bankName: text('bank_name'),
    bankAccount: text('bank_account'),
    creditLimitCents: integer('credit_limit_cents'),
    creditDays: integer('credit_days'),
    settlementMethodId: integer('settlement_method_id').references(() => lookups.id),
    paymentTerms: text('payment_terms'),
    salespersonId: integer('salesperson_id').references(() => users.id),
    contractEndDate: text('contract_end_date'),
    memo: text('memo'),
    /** active 正常 | frozen 冻结 | deactivated 已停用 (see customerStatusChanges for the history) */
    status: text('status').$type<'active' | 'frozen' | 'deactivated'>().notNull().default('active'),
    /** the current state's change: when, by whom, why (null while never changed) */
    statusChangedAt: text('status_changed_at'),
    statusChangedBy: integer('status_changed_by').references(() => users.id),
    statusReasonId: integer('status_reason_id').references(() => lookups.id),
    statusMemo: text('status_memo'),
    /** a duplicate retired by a merge points to the customer that survives it */
    mergedIntoId: integer('merged_into_id').references((): AnySQLiteColumn => customers.id),
    /** last create, edit, reactivation or transaction: the review's inactivity rule reads it */
    lastActivityAt: text('last_activity_at').notNull().default(''),
    /** 最后核对: when a stocktake last confirmed the customer (marked verified at its reconciliation), UTC ISO */
    lastVerifiedAt: text('last_verified_at'),
    ...auditColumns,
  },
  (t) => [
    uniqueIndex('customers_code').on(t.code),
    uniqueIndex('customers_tax_id').on(t.taxId).where(sql`tax_id IS NOT NULL`),
    index('customers_name_norm').on(t.nameNorm),
    index('customers_name').on(t.name),
    index('customers_updated_at').on(t.updatedAt),
    index('customers_created_at').on(t.createdAt),
    index('customers_status_id').on(t.status, t.id),
    index('customers_category').on(t.categoryId),
    index('customers_region').on(t.regionId),
    index('customers_industry').on(t.industryId),
    index('customers_rating').on(t.creditRatingId),
    index('customers_salesperson').on(t.salespersonId),
    index('customers_last_activity').on(t.lastActivityAt),
    index('customers_contract_end').on(t.contractEndDate).where(sql`contract_end_date IS NOT NULL`),
    index('customers_last_verified').on(t.lastVerifiedAt).where(sql`last_verified_at IS NOT NULL`),
    index('customers_merged_into').on(t.mergedIntoId).where(sql`merged_into_id IS NOT NULL`),
  ],
);

export const customerContacts = sqliteTable(
  'customer_contacts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    name: text('name').notNull(),
    title: text('title'),
    /** digits only for a mainland mobile (11 digits) */
    mobile: text('mobile'),
    /** as typed: 010-8888 6666 转 123 */
    phone: text('phone'),
    /** digits of the phone, for duplicate checks */
    phoneDigits: text('phone_digits'),
    email: text('email'),
    isPrimary: integer('is_primary', { mode: 'boolean' }).notNull().default(false),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [
    index('customer_contacts_customer').on(t.customerId),
    index('customer_contacts_mobile').on(t.mobile),
    index('customer_contacts_phone_digits').on(t.phoneDigits),
  ],
);

export const customerAddresses = sqliteTable(
  'customer_addresses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    /** registered | delivery | billing */
    kind: text('kind').notNull(),
    /** ISO 3166-1 alpha-2 */
    country: text('country').notNull().default('CN'),
    /** 6-digit administrative division codes (China only) */
    provinceCode: text('province_code'),
    cityCode: text('city_code'),
    districtCode: text('district_code'),
    street: text('street'),
    postcode: text('postcode'),
    isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('customer_addresses_customer').on(t.customerId)],
);

// The search indexes (customer_fts_tri, customer_fts_gram, customer_fts_py, customer_fts_num) are
// FTS5 tables made by SQL migrations (0003, 0008, 0009); electron/core/customers/search keeps them. No index on the
// 助记码: the search finds it through customer_fts_py and nothing else looks it up.

/** Next number of each code pattern (客户编码 C{000000} → C000001, ...). */
export const codeSequences = sqliteTable('code_sequences', {
  pattern: text('pattern').primaryKey(),
  next: integer('next').notNull(),
});
