import fs from 'node:fs';
import type { ImportIssue } from './shared/import.contract';
import type { TableValidation } from './validate';

/** Issues are kept in pages of ISSUE_PAGE, so that showing one page reads one small file. */
const ISSUE_PAGE = 1000;
const pageFile = (base: string, kind: 'error' | 'warning', k: number) => `${base}.${kind}.${k}.json`;

export function writeIssues(base: string, v: TableValidation) {
  fs.writeFileSync(base, JSON.stringify({ error: v.errors.length, warning: v.warnings.length }));
  for (const [kind, list] of [['error', v.errors], ['warning', v.warnings]] as const) {
    for (let k = 0; k * ISSUE_PAGE < list.length; k++) {
      fs.writeFileSync(pageFile(base, kind, k), JSON.stringify(list.slice(k * ISSUE_PAGE, (k + 1) * ISSUE_PAGE)));
    }
  }
}

/** Issues offset … offset+limit (limit ≤ ISSUE_PAGE) of the last validation; async file reads only. */
export async function readIssues(base: string, kind: 'error' | 'warning', offset: number, limit: number) {
  const read = async <T>(file: string, fallback: T): Promise<T> => {
    try {
      return JSON.parse(await fs.promises.readFile(file, 'utf8')) as T;
    } catch {
      return fallback;
    }
  };
  const counts = await read<Record<string, number>>(base, {});
  const total = counts[kind] ?? 0;
  const end = Math.min(total, offset + Math.min(limit, ISSUE_PAGE));
  const items: ImportIssue[] = [];
  for (let k = Math.floor(offset / ISSUE_PAGE); k * ISSUE_PAGE < end; k++) {
    const page = await read<ImportIssue[]>(pageFile(base, kind, k), []);
    const from = Math.max(0, offset - k * ISSUE_PAGE);
    items.push(...page.slice(from, end - k * ISSUE_PAGE));
  }
  return { items, total };
}

