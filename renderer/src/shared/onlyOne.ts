/**
 * A flag only one row (of its group) may hold, as the primary contact or the default address of
 * a kind: row `index` takes it, and the other rows of its group lose it.
 */
export function onlyOne<T extends object>(
  rows: readonly T[],
  index: number,
  flag: keyof T,
  sameGroup: (a: T, b: T) => boolean = () => true,
): T[] {
  const chosen = rows[index];
  if (chosen === undefined) return [...rows];
  return rows.map((row, i) => {
    if (i === index) return { ...row, [flag]: true };
    return row[flag] && sameGroup(row, chosen) ? { ...row, [flag]: false } : row;
  });
}
