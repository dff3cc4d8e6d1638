import { eq } from 'drizzle-orm';
import { codeSequences, customers } from '../../../db/schema';
import type { Core } from '../core';

export const DEFAULT_CODE_PATTERN = 'C{000000}';

/** `C{000000}` → prefix 'C', width 6, suffix ''. */
export function parsePattern(pattern: string): { prefix: string; width: number; suffix: string } {
  const m = pattern.match(/^([^{}]*)\{(0+)\}([^{}]*)$/);
  if (!m) throw new Error(`bad code pattern ${pattern}`);
  return { prefix: m[1], width: m[2].length, suffix: m[3] };
}

export function formatCode(pattern: string, n: number): string {
  const { prefix, width, suffix } = parsePattern(pattern);
  return `${prefix}${String(n).padStart(width, '0')}${suffix}`;
}

function codeTaken(core: Core, code: string): boolean {
  return !!core.db.select({ id: customers.id }).from(customers).where(eq(customers.code, code)).get();
}

/** The first number of the pattern's sequence whose code nobody has taken (typed by hand or imported). */
function firstFreeNumber(core: Core, pattern: string): number {
  let n = core.db.select().from(codeSequences).where(eq(codeSequences.pattern, pattern)).get()?.next ?? 1;
  while (codeTaken(core, formatCode(pattern, n))) n++;
  return n;
}

/** The code the next new customer would get. */
export function peekNextCode(core: Core, pattern = DEFAULT_CODE_PATTERN): string {
  return formatCode(pattern, firstFreeNumber(core, pattern));
}

/** Takes the next free code and advances the sequence. Call inside the customer's transaction. */
export function takeNextCode(core: Core, pattern = DEFAULT_CODE_PATTERN): string {
  const n = firstFreeNumber(core, pattern);
  core.db
    .insert(codeSequences)
    .values({ pattern, next: n + 1 })
    .onConflictDoUpdate({ target: codeSequences.pattern, set: { next: n + 1 } })
    .run();
  return formatCode(pattern, n);
}
