import { usccCheckChar } from '../customers/shared/customer.rules';
import { InvalidField } from '../errors';
import type { Cell } from '../spreadsheet/cells';
import { type SheetFormat, sheetFormat } from '../spreadsheet/read';
import { type SheetColumn, type SheetWriter, sheetWriter, writeWorkbook } from '../spreadsheet/write';
import { EXPORT_STATE_COLUMNS, IMPORT_COLUMNS, type ImportField, NATURE_LABELS } from './shared/import.contract';
import type { RefData } from './refs';

/**
 * Files made for the user: the template, the rows with errors, the export. All share the
 * template's Chinese headers, so an export can be imported again as it is.
 */
const HEADERS: string[] = IMPORT_COLUMNS.map((c) => c.header);
/** The export's headers: the template's, then the state columns the import skips. */
const EXPORT_HEADERS: string[] = [...HEADERS, ...EXPORT_STATE_COLUMNS.map((c) => c.header)];

/** The format the importer reads, from the file name; anything else is refused. */
export function importExt(fileName: string): SheetFormat {
  const format = sheetFormat(fileName);
  if (!format) throw InvalidField('fileName', 'import.errors.format');
  return format;
}

/** Columns kept as text in Excel, so that long digit strings never turn into floats. */
const TEXT_COLUMNS = new Set<ImportField>(['code', 'taxId', 'bankAccount', 'mobile', 'phone', 'postcode']);
const WIDTHS: Partial<Record<ImportField, number>> = {
  name: 30,
  taxId: 22,
  bankAccount: 22,
  street: 30,
  memo: 24,
  email: 22,
  website: 20,
};

/** The template's columns as a sheet lays them out; `formats` gives the number formats of the template or the export. */
function customerColumns(headers: string[], formats: Partial<Record<ImportField, string>>): SheetColumn[] {
  return headers.map((header, i) => {
    const field = IMPORT_COLUMNS[i]?.field;
    if (!field) return { header };
    return { header, width: WIDTHS[field], text: TEXT_COLUMNS.has(field), numFmt: formats[field] };
  });
}

/** A valid USCC for the example row (check character computed, not made up). */
function exampleUscc(): string {
  const first17 = '91110108MA01A2B3C';
  return first17 + usccCheckChar(first17);
}

const LISTS_SHEET = '可选值';

export async function writeTemplate(file: string, refs: RefData): Promise<void> {
  const name = (kind: string) => refs.lookups.find((l) => l.kind === kind && l.active)?.name ?? '';
  const example: Record<ImportField, string | number | Date> = {
    code: '',
    name: '北京海淀科技有限公司',
    shortName: '海淀科技',
    mnemonic: '',
    nature: NATURE_LABELS.enterprise,
    category: name('category'),
    industry: name('industry'),
    region: name('region'),
    creditRating: name('creditRating'),
    taxId: exampleUscc(),
    legalRep: '张伟',
    website: 'https://www.example.com',
    bankName: '中国工商银行北京海淀支行',
    bankAccount: '0200001234567890123',
    creditLimit: 50000,
    creditDays: 30,
    settlementMethod: name('settlementMethod'),
    paymentTerms: '月结30天',
    salesperson: refs.users[0]?.displayName ?? '',
    contractEndDate: new Date(Date.UTC(new Date().getUTCFullYear() + 1, 11, 31)),
    memo: '',
    contactName: '李娜',
    contactTitle: '采购经理',
    mobile: '13812345678',
    phone: '010-62345678',
    email: 'lina@example.com',
    country: '中国',
    province: '北京市',
    city: '北京市',
    district: '海淀区',
    street: '中关村大街1号',
    postcode: '100080',
  };
  // allowed values, and drop-downs on the customer sheet that point at them
  const kinds: [string, string[]][] = [
    ['客户性质', Object.values(NATURE_LABELS)],
    ['客户分类', refs.lookups.filter((l) => l.kind === 'category' && l.active).map((l) => l.name)],
    ['行业', refs.lookups.filter((l) => l.kind === 'industry' && l.active).map((l) => l.name)],
    ['地区', refs.lookups.filter((l) => l.kind === 'region' && l.active).map((l) => l.name)],
    ['信用等级', refs.lookups.filter((l) => l.kind === 'creditRating' && l.active).map((l) => l.name)],
    ['结算方式', refs.lookups.filter((l) => l.kind === 'settlementMethod' && l.active).map((l) => l.name)],
    ['专管业务员', refs.users.map((u) => u.displayName)],
  ];
  const customers = customerColumns(HEADERS, { contractEndDate: 'yyyy-mm-dd', creditLimit: '#,##0.00' });
  kinds.forEach(([header, values], k) => {
    const target = HEADERS.indexOf(header);
    if (target >= 0) customers[target].list = { sheet: LISTS_SHEET, column: k, count: values.length };
  });
  const longest = Math.max(0, ...kinds.map(([, values]) => values.length));
  await writeWorkbook(file, [
    { name: '客户', columns: customers, rows: [IMPORT_COLUMNS.map((c) => example[c.field])] },
    {
      name: LISTS_SHEET,
      columns: kinds.map(([header]) => ({ header, width: 16 })),
      rows: Array.from({ length: longest }, (_x, r) => kinds.map(([, values]) => values[r] ?? null)),
    },
    {
      name: '填写说明',
      columns: [
        { header: '列', width: 22 },
        { header: '说明', width: 80 },
      ],
      rows: [
        ['（全部）', '第 1 行是列名，请勿修改；第 2 行是示例，导入前请删除或改成真实数据。每行一个客户。'],
        ['客户编码', '留空则按编码规则自动生成；填写则不能与已有客户重复。'],
        ['客户名称', '必填。'],
        ['客户性质', '企业 / 个体工商户 / 个人 / 政府机关 / 其他，留空为企业。'],
        ['客户分类、行业、地区、信用等级、结算方式', '填写“可选值”表中的名称（可在系统的基础资料中维护）。'],
        [
          '统一社会信用代码/税号',
          '企业、个体工商户、政府机关须为 18 位统一社会信用代码；校验位不符的（2015 年前试点发放的代码）照常导入并提示核对。',
        ],
        ['信用额度(元)', '以元为单位，可带两位小数。'],
        ['合同到期日', '日期，如 2027-12-31。'],
        ['联系人、职务、手机、电话、邮箱', '主联系人；填写了手机等信息时联系人必填。手机为 11 位大陆手机号。'],
        ['国家/地区', '注册地址所在国家或地区，如 中国、德国；留空为中国。'],
        ['省、市、区、详细地址、邮编', '注册地址；省市区填名称，如 北京市 / 北京市 / 海淀区（境外地址只填详细地址）。'],
      ],
    },
  ]);
}

/** Text of a message for the user: the template the renderer sent, {{name}} filled in. */
export function renderMessage(
  texts: Record<string, string>,
  key: string,
  params?: Record<string, string | number>,
): string {
  const template = texts[key] ?? key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, p: string) => String(params?.[p] ?? ''));
}

/** The rows with errors as they were in the file, plus their row number and reasons (in red). */
export async function writeErrorsFile(
  file: string,
  headers: string[],
  rows: { rowNumber: number; cells: Cell[]; reasons: string }[],
  extraHeaders: { row: string; reasons: string },
): Promise<void> {
  const out = sheetWriter(file, 'xlsx', {
    name: '错误',
    columns: [
      ...headers.map((header) => ({ header })),
      { header: extraHeaders.row },
      { header: extraHeaders.reasons, width: 60, color: 'FFCC0000' },
    ],
  });
  for (const r of rows) out.add([...headers.map((_h, i) => r.cells[i] ?? null), r.rowNumber, r.reasons]);
  await out.close();
}

/** One exported customer in the template's column order. */
export type ExportRow = (string | number | Date | null)[];
type ExportWriter = SheetWriter;

/** The export: the template's columns, then the state columns, so that it imports again as it is. */
export function exportWriter(file: string, format: 'xlsx' | 'csv'): ExportWriter {
  return sheetWriter(file, format, {
    name: '客户',
    columns: customerColumns(EXPORT_HEADERS, { contractEndDate: 'yyyy-mm-dd', creditLimit: '0.00' }),
  });
}
