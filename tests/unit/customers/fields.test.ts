import fs from 'node:fs';
import path from 'node:path';
import { getTableColumns } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { customerAddresses, customerContacts, customers } from '../../../db/schema';
import { FILE_SELECT } from '../../../electron/core/customers/export';
import {
  addressSchema,
  contactSchema,
  customerFieldsSchema,
} from '../../../electron/core/customers/shared/customers.contract';
import {
  CUSTOMER_FIELDS,
  DEFAULT_LIST_COLUMN_KEYS,
  type FieldDef,
  FIXED_LIST_COLUMN_KEYS,
  fieldOfPath,
  HISTORY_FIELDS,
  historyKey,
  LIST_COLUMN_KEYS,
  LOGGED_COLUMN_KEYS,
  LOGGED_LOOKUP_COLUMNS,
  LOOKUP_FILE_FIELDS,
  RECORD_COLUMNS,
  sqlSelect,
} from '../../../electron/core/customers/shared/fields';
import { rowsStatement } from '../../../electron/core/customers/search/search.sql';
import { headerKey } from '../../../electron/core/import/mapping';
import {
  EXPORT_STATE_COLUMNS,
  IMPORT_COLUMNS,
  LOOKUP_IMPORT_FIELDS,
} from '../../../electron/core/import/shared/import.contract';

/**
 * The customer field registry (customers/shared/fields.ts) against what it describes: the drizzle
 * schema, the zod record, the form's sections and the locale files; and the lists derived from
 * it against the literal lists the code held before the registry. Those literals are copies, kept
 * here on purpose: they define behaviour (log keys, file columns, saved column choices) that must
 * not change when the registry is edited; a deliberate change edits them too.
 */

const root = path.resolve(__dirname, '../../..');
const fields: readonly FieldDef[] = CUSTOMER_FIELDS;
const load = (f: string) => JSON.parse(fs.readFileSync(path.join(root, f), 'utf8'));
const locales = {
  zh: {
    root: load('renderer/src/locales/zh-CN.json'),
    customers: load('renderer/src/features/customers/locales/zh-CN.json'),
    import: load('renderer/src/features/import/locales/zh-CN.json'),
  },
  en: {
    root: load('renderer/src/locales/en.json'),
    customers: load('renderer/src/features/customers/locales/en.json'),
    import: load('renderer/src/features/import/locales/en.json'),
  },
};
/** A key as the renderer resolves it: customers.* and import.* from the feature files, the rest global. */
function text(lang: 'zh' | 'en', key: string): unknown {
  const [head, ...rest] = key.split('.');
  const [obj, parts] =
    head === 'customers' || head === 'import' ? [locales[lang][head], rest] : [locales[lang].root, key.split('.')];
  return parts.reduce<unknown>(
    (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
    obj,
  );
}

const tableOf = { customer: customers, contact: customerContacts, address: customerAddresses } as const;
/** customers columns no field stands for: keys, derived values, the state's bookkeeping, audit columns */
const INTERNAL_CUSTOMER_COLUMNS = [
  'id',
  'nameNorm',
  'statusChangedBy',
  'statusMemo',
  'mergedIntoId',
  'lastActivityAt',
  'createdAt',
  'createdBy',
  'updatedBy',
  'version',
];

describe('customer field registry', () => {
  it('matches the drizzle schema: every column is a field or internal, every field column exists', () => {
    const known = new Set(fields.filter((f) => f.part === 'customer' && f.sql).map((f) => f.column));
    const unaccounted = Object.keys(getTableColumns(customers)).filter(
      (c) => !known.has(c) && !INTERNAL_CUSTOMER_COLUMNS.includes(c),
    );
    expect(unaccounted).toEqual([]);
    expect(INTERNAL_CUSTOMER_COLUMNS.filter((c) => known.has(c))).toEqual([]);
    for (const f of fields.filter((x) => x.sql)) {
      const column = (getTableColumns(tableOf[f.part]) as Record<string, { name: string }>)[f.column];
      expect(column?.name, `${f.key}: ${f.part}.${f.column}`).toBe(f.sql);
    }
    // the contact and address lists themselves have no column; nothing else lacks one
    expect(fields.filter((f) => !f.sql).map((f) => f.key)).toEqual(['contacts', 'addresses']);
  });

  it('matches the zod record: the form edits exactly the record fields of the schema', () => {
    const onForm = fields.filter((f) => f.part === 'customer' && f.section && f.key !== 'code').map((f) => f.column);
    expect(onForm.sort()).toEqual(Object.keys(customerFieldsSchema.shape).sort());
    const parts = { contact: contactSchema.shape, address: addressSchema.shape };
    for (const f of fields.filter((x) => x.part !== 'customer')) {
      expect(Object.keys(parts[f.part as 'contact' | 'address']), f.key).toContain(f.column);
    }
  });

  it('names a form section whose component holds the field', () => {
    const file = {
      basic: 'Basic',
      contacts: 'Contacts',
      addresses: 'Addresses',
      credit: 'Credit',
      extra: 'Extra',
    } as const;
    for (const f of fields.filter((x) => x.part === 'customer' && x.section && x.sql)) {
      const src = fs.readFileSync(
        path.join(root, `renderer/src/features/customers/form/${file[f.section!]}Section.tsx`),
        'utf8',
      );
      // the form's name is the column, or the key where the form holds another unit (creditLimit in yuan)
      const named = [f.column, f.key].some((n) => src.includes(`name="${n}"`) || src.includes(`shape.${n}`));
      expect(named, `${f.key} in ${f.section}`).toBe(true);
    }
  });

  it('has every label key in zh-CN and en, and the keys derived for the list, files and the log', () => {
    const keys = new Set<string>();
    for (const f of fields) {
      keys.add(f.label);
      if (f.list) keys.add(`customers.columns.${f.key}`);
      if (f.file) keys.add(`import.fields.${f.key}`);
      if (f.logged) keys.add(`audit.field.${historyKey(f)}`);
    }
    for (const lang of ['zh', 'en'] as const) {
      const missing = [...keys].filter((k) => typeof text(lang, k) !== 'string' || !String(text(lang, k)).trim());
      expect(missing, lang).toEqual([]);
    }
  });

  it('has unique keys, and file headers and aliases that stay unique after normalisation', () => {
    expect(new Set(fields.map((f) => f.key)).size).toBe(fields.length);
    // mapping.ts matches headers by headerKey, then by headerKey without brackets: neither may name two columns
    const owners = new Map<string, Set<string>>();
    const add = (name: string, owner: string) => {
      for (const k of new Set([headerKey(name), headerKey(name).replace(/\(.*?\)/g, '')])) {
        owners.set(k, (owners.get(k) ?? new Set()).add(owner));
      }
    };
    for (const c of IMPORT_COLUMNS) for (const n of [c.header, c.field, ...c.aliases]) add(n, c.field);
    for (const c of EXPORT_STATE_COLUMNS) for (const n of [c.header, ...c.aliases]) add(n, c.key);
    const clashes = [...owners].filter(([, o]) => o.size > 1).map(([k, o]) => `${k}: ${[...o].join(', ')}`);
    expect(clashes).toEqual([]);
  });

  it('gives a managed-list file column the list kind as its key (the value map sends the field as the kind)', () => {
    expect(LOOKUP_FILE_FIELDS.map((f) => [f.key, f.column, f.lookup])).toEqual([
      ['category', 'categoryId', 'category'],
      ['industry', 'industryId', 'industry'],
      ['region', 'regionId', 'region'],
      ['creditRating', 'creditRatingId', 'creditRating'],
      ['settlementMethod', 'settlementMethodId', 'settlementMethod'],
    ]);
  });
});

describe('lists derived from the registry equal the literal lists of before', () => {
  it('the history fields (customer.rows.ts), in form order', () => {
    expect(HISTORY_FIELDS).toEqual([
      'code',
      'name',
      'shortName',
      'mnemonic',
      'nature',
      'category',
      'industry',
      'region',
      'creditRating',
      'taxId',
      'legalRep',
      'website',
      'contacts',
      'addresses',
      'bankName',
      'bankAccount',
      'creditLimitCents',
      'creditDays',
      'settlementMethod',
      'paymentTerms',
      'salesperson',
      'contractEndDate',
      'memo',
    ]);
  });

  it('the import template and export columns with their aliases (import.contract.ts)', () => {
    expect(IMPORT_COLUMNS).toEqual([
      {
        field: 'code',
        header: '客户编码',
        aliases: ['code', 'customer code', 'customer no', '编码', '客户代码', '客户编号'],
      },
      {
        field: 'name',
        header: '客户名称',
        aliases: [
          'name',
          'customer name',
          'customer',
          'company',
          '名称',
          '客户',
          '公司',
          '公司名称',
          '单位',
          '单位名称',
        ],
      },
      { field: 'shortName', header: '简称', aliases: ['short name', 'abbreviation', '客户简称'] },
      { field: 'mnemonic', header: '助记码', aliases: ['mnemonic', 'mnemonic code', '拼音码'] },
      { field: 'nature', header: '客户性质', aliases: ['nature', 'type', 'customer type', '性质', '客户类型'] },
      { field: 'category', header: '客户分类', aliases: ['category', 'customer category', '分类', '类别'] },
      { field: 'industry', header: '行业', aliases: ['industry', '所属行业'] },
      { field: 'region', header: '地区', aliases: ['region', 'area', '区域', '片区'] },
      { field: 'creditRating', header: '信用等级', aliases: ['credit rating', 'rating', '等级'] },
      {
        field: 'taxId',
        header: '统一社会信用代码/税号',
        aliases: ['tax id', 'taxid', 'uscc', 'vat', '统一社会信用代码', '税号', '纳税人识别号', '信用代码'],
      },
      { field: 'legalRep', header: '法人代表', aliases: ['legal representative', 'legal rep', '法定代表人', '法人'] },
      { field: 'website', header: '网址', aliases: ['website', 'web', 'url', '网站', '主页'] },
      { field: 'bankName', header: '开户银行', aliases: ['bank', 'bank name', '开户行', '银行'] },
      {
        field: 'bankAccount',
        header: '银行账号',
        aliases: ['bank account', 'account no', 'account', '账号', '银行帐号'],
      },
      { field: 'creditLimit', header: '信用额度(元)', aliases: ['credit limit', '信用额度', '额度'] },
      {
        field: 'creditDays',
        header: '信用期限(天)',
        aliases: ['credit days', 'credit term', '信用期限', '账期', '信用天数'],
      },
      { field: 'settlementMethod', header: '结算方式', aliases: ['settlement method', 'settlement', 'payment method'] },
      { field: 'paymentTerms', header: '付款条件', aliases: ['payment terms', 'terms'] },
      {
        field: 'salesperson',
        header: '专管业务员',
        aliases: ['salesperson', 'sales rep', 'sales', '业务员', '销售员', '负责人'],
      },
      {
        field: 'contractEndDate',
        header: '合同到期日',
        aliases: ['contract end date', 'contract end', '合同到期', '到期日'],
      },
      { field: 'memo', header: '备注', aliases: ['memo', 'remark', 'remarks', 'note', 'notes', '说明'] },
      { field: 'contactName', header: '联系人', aliases: ['contact', 'contact name', 'contact person', '联系人姓名'] },
      { field: 'contactTitle', header: '职务', aliases: ['title', 'job title', 'position', '职位'] },
      {
        field: 'mobile',
        header: '手机',
        aliases: ['mobile', 'cell', 'cellphone', 'mobile phone', '手机号', '手机号码', '移动电话'],
      },
      { field: 'phone', header: '电话', aliases: ['phone', 'tel', 'telephone', '固定电话', '联系电话', '座机'] },
      { field: 'email', header: '邮箱', aliases: ['email', 'e-mail', 'mail', '电子邮箱', '电子邮件', 'email地址'] },
      { field: 'country', header: '国家/地区', aliases: ['country', 'country/region', '国家', '国别', '国家或地区'] },
      { field: 'province', header: '省', aliases: ['province', 'state', '省份', '省/直辖市'] },
      { field: 'city', header: '市', aliases: ['city', '城市', '地级市'] },
      { field: 'district', header: '区', aliases: ['district', 'county', '区县', '县', '区/县'] },
      { field: 'street', header: '详细地址', aliases: ['address', 'street', 'street address', '地址', '街道地址'] },
      { field: 'postcode', header: '邮编', aliases: ['postcode', 'zip', 'zip code', 'postal code', '邮政编码'] },
    ]);
    expect(LOOKUP_IMPORT_FIELDS).toEqual(['category', 'industry', 'region', 'creditRating', 'settlementMethod']);
  });

  it('the list columns, the default ones and the fixed ones (columnPrefs.ts: saved choices name these keys)', () => {
    expect(LIST_COLUMN_KEYS).toEqual([
      'code',
      'name',
      'status',
      'shortName',
      'mnemonic',
      'nature',
      'category',
      'industry',
      'region',
      'creditRating',
      'contactName',
      'mobile',
      'phone',
      'taxId',
      'creditLimit',
      'salesperson',
      'contractEndDate',
      'statusReason',
      'statusChangedAt',
      'lastVerifiedAt',
      'updatedAt',
    ]);
    expect(DEFAULT_LIST_COLUMN_KEYS).toEqual([
      'code',
      'name',
      'status',
      'category',
      'contactName',
      'mobile',
      'taxId',
      'salesperson',
    ]);
    expect(FIXED_LIST_COLUMN_KEYS).toEqual(['code', 'name']);
  });

  it('the history labels of record columns and the columns shown as list items (historyFormat.ts)', () => {
    expect(LOGGED_COLUMN_KEYS).toEqual({
      categoryId: 'category',
      industryId: 'industry',
      regionId: 'region',
      creditRatingId: 'creditRating',
      settlementMethodId: 'settlementMethod',
      salespersonId: 'salesperson',
      creditLimitCents: 'creditLimit',
    });
    expect([...LOGGED_LOOKUP_COLUMNS].sort()).toEqual([
      'categoryId',
      'creditRatingId',
      'industryId',
      'regionId',
      'settlementMethodId',
    ]);
  });

  it('the error path → file field mapping (import/row-check.ts)', () => {
    const of = (...p: (string | number)[]) => fieldOfPath(p)?.key ?? null;
    const direct = {
      categoryId: 'category',
      industryId: 'industry',
      regionId: 'region',
      creditRatingId: 'creditRating',
      settlementMethodId: 'settlementMethod',
      salespersonId: 'salesperson',
      creditLimitCents: 'creditLimit',
    };
    for (const [column, field] of Object.entries(direct)) expect(of(column)).toBe(field);
    for (const f of ['name', 'taxId', 'code', 'memo', 'bankAccount', 'contractEndDate']) expect(of(f)).toBe(f);
    expect(of('duplicateReason')).toBeNull();
    const contacts = {
      name: 'contactName',
      title: 'contactTitle',
      mobile: 'mobile',
      phone: 'phone',
      email: 'email',
      isPrimary: 'contactName',
    };
    for (const [sub, field] of Object.entries(contacts)) expect(of('contacts', 0, sub)).toBe(field);
    expect(of('contacts')).toBe('contactName');
    const addresses = {
      country: 'country',
      provinceCode: 'province',
      cityCode: 'city',
      districtCode: 'district',
      street: 'street',
      postcode: 'postcode',
      kind: 'province',
    };
    for (const [sub, field] of Object.entries(addresses)) expect(of('addresses', 1, sub)).toBe(field);
    expect(of('addresses')).toBe('province');
  });

  it('the record fields picked from the row (customers.record.ts)', () => {
    expect(RECORD_COLUMNS).toEqual([
      'code',
      'name',
      'shortName',
      'mnemonic',
      'nature',
      'categoryId',
      'industryId',
      'regionId',
      'creditRatingId',
      'taxId',
      'legalRep',
      'website',
      'bankName',
      'bankAccount',
      'creditLimitCents',
      'creditDays',
      'settlementMethodId',
      'paymentTerms',
      'salespersonId',
      'contractEndDate',
      'memo',
    ]);
  });

  it('the SQL aliases of the list rows (search.sql.ts) and of the export (export.ts)', () => {
    expect(sqlSelect(['code', 'name', 'shortName', 'mnemonic', 'nature'])).toBe(
      'c.code, c.name, c.short_name AS shortName, c.mnemonic, c.nature',
    );
    expect(sqlSelect(['taxId', 'creditLimitCents', 'contractEndDate', 'status', 'statusChangedAt'])).toBe(
      'c.tax_id AS taxId, c.credit_limit_cents AS creditLimitCents, c.contract_end_date AS contractEndDate, c.status, c.status_changed_at AS statusChangedAt',
    );
    expect(rowsStatement.sql.replace(/\s+/g, ' ')).toContain(
      'SELECT c.id, c.code, c.name, c.short_name AS shortName, c.mnemonic, c.nature, cat.name AS categoryName',
    );
    // the export reads each file column under its field's key (the template's columns, in order)
    expect(FILE_SELECT).toBe(
      [
        'c.code, c.name, c.short_name AS shortName, c.mnemonic, c.nature, c.category_id AS category, c.industry_id AS industry',
        'c.region_id AS region, c.credit_rating_id AS creditRating, c.tax_id AS taxId, c.legal_rep AS legalRep, c.website',
        'c.bank_name AS bankName, c.bank_account AS bankAccount, c.credit_limit_cents AS creditLimit, c.credit_days AS creditDays',
        'c.settlement_method_id AS settlementMethod, c.payment_terms AS paymentTerms, u.display_name AS salesperson',
        'c.contract_end_date AS contractEndDate, c.memo, ct.name AS contactName, ct.title AS contactTitle, ct.mobile, ct.phone',
        'ct.email, a.country, a.province_code AS province, a.city_code AS city, a.district_code AS district, a.street, a.postcode',
      ].join(', '),
    );
  });
});
