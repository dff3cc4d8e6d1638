import fs from 'node:fs';
import path from 'node:path';
import type { SeededRole } from './permission-matrix';

/**
 * The README's roles table (section "Using it", after "Roles and their permissions"): role code →
 * the permissions it lists in backticks. The matrix test compares it with the roles seeded in
 * the database and prints the table the README should have.
 */
const root = path.resolve(__dirname, '../../../..');
export const README = path.join(root, 'README.md');
const ANCHOR = 'Roles and their permissions';

export function readmeRoles(text = fs.readFileSync(README, 'utf8')): Record<string, string[]> {
  const at = text.indexOf(ANCHOR);
  if (at < 0) throw new Error(`README.md: no "${ANCHOR}" table`);
  const lines = text.slice(at).split('\n').slice(1);
  const start = lines.findIndex((l) => l.trim().startsWith('|'));
  const table: string[] = [];
  for (const l of lines.slice(start)) {
    if (!l.trim().startsWith('|')) break;
    table.push(l.trim());
  }
  const out: Record<string, string[]> = {};
  // skip the header and its --- row
  for (const row of table.slice(2)) {
    const [roleCell, permCell] = row.split('|').slice(1, 3);
    const code = roleCell.trim().split(/\s+/).pop() ?? '';
    out[code] = [...permCell.matchAll(/`([^`]+)`/g)].map((m) => m[1]).sort();
  }
  return out;
}

/** The table as the README should have it, from the seeded roles (names from the zh-CN locale). */
export function rolesTable(roles: SeededRole[]): string {
  const names = JSON.parse(fs.readFileSync(path.join(root, 'renderer/src/locales/zh-CN.json'), 'utf8')).role as Record<
    string,
    string
  >;
  return [
    '| role | permissions |',
    '| --- | --- |',
    ...roles.map((r) => `| ${names[r.code] ?? ''} ${r.code} | ${r.permissions.map((p) => `\`${p}\``).join(', ')} |`),
  ]
    .map((l) => `  ${l}`)
    .join('\n');
}
