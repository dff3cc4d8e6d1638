import { EXPORT_STATE_COLUMNS, IMPORT_COLUMNS, type ImportField } from './shared/import.contract';

/** Headers compared loosely: half-width, lower-case, no spaces, no required-marks (*), brackets unified. */
export function headerKey(h: string): string {
  return h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s*＊:：_]+/g, '')
    .replace(/[（【[]/g, '(')
    .replace(/[）】\]]/g, ')');
}

const withoutParens = (k: string) => k.replace(/\(.*?\)/g, '');

const exact = new Map<string, ImportField>();
const loose = new Map<string, ImportField>();
for (const c of IMPORT_COLUMNS) {
  for (const name of [c.header, c.field, ...c.aliases]) {
    const k = headerKey(name);
    if (!exact.has(k)) exact.set(k, c.field);
    const l = withoutParens(k);
    if (l && !loose.has(l)) loose.set(l, c.field);
  }
}

/** The export's state columns (状态, 停用原因, 停用时间): recognised, and never mapped to a field. */
const stateHeaders = new Set(EXPORT_STATE_COLUMNS.flatMap((c) => [c.header, ...c.aliases]).map(headerKey));
export const isExportStateHeader = (h: string) => stateHeaders.has(headerKey(h));

/** The field each header most likely fills (by Chinese header or English alias); each field once. */
export function suggestMapping(headers: string[]): (ImportField | null)[] {
  const taken = new Set<ImportField>();
  const out: (ImportField | null)[] = headers.map(() => null);
  for (const pass of [exact, loose]) {
    headers.forEach((h, i) => {
      if (out[i] || isExportStateHeader(h)) return;
      const k = pass === exact ? headerKey(h) : withoutParens(headerKey(h));
      const f = k ? pass.get(k) : undefined;
      if (f && !taken.has(f)) {
        out[i] = f;
        taken.add(f);
      }
    });
  }
  return out;
}

interface MappingProblem {
  field: string;
  messageKey: string;
}

/** A usable mapping: 客户名称 mapped, no field twice. */
export function checkMapping(mapping: (ImportField | null)[]): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const seen = new Set<ImportField>();
  for (const f of mapping) {
    if (!f) continue;
    if (seen.has(f)) problems.push({ field: f, messageKey: 'import.errors.mappedTwice' });
    seen.add(f);
  }
  if (!seen.has('name')) problems.push({ field: 'name', messageKey: 'import.errors.nameNotMapped' });
  return problems;
}

/** field → column index in the file */
export function columnsOf(mapping: (ImportField | null)[]): Partial<Record<ImportField, number>> {
  const out: Partial<Record<ImportField, number>> = {};
  mapping.forEach((f, i) => {
    if (f && out[f] === undefined) out[f] = i;
  });
  return out;
}
