import { formatMatrix, runMatrix } from '../unit/contract/matrix-kit/permission-matrix';
import { readmeRoles, rolesTable } from '../unit/contract/matrix-kit/readme-roles';

/**
 * `npm run proof -- matrix`: every channel × every role seeded in the database, as a table
 * (the unit test's run), with the README's roles table checked against the seeded roles.
 * Exit code 1 when a cell differs from the role's permissions or the README differs.
 */
export async function main(): Promise<number> {
  const m = await runMatrix();
  console.log(formatMatrix(m));
  for (const x of m.mismatches) console.log(`differs: ${x}`);
  if (m.noValidInput.length)
    console.log(`called with near-valid input (none generated valid): ${m.noValidInput.join(', ')}`);
  const seeded = Object.fromEntries(m.roles.map((r) => [r.code, [...r.permissions].sort()]));
  const readmeOk = JSON.stringify(readmeRoles()) === JSON.stringify(seeded);
  console.log(
    readmeOk
      ? '\nREADME roles table: matches the database'
      : `\nREADME roles table differs; it should read:\n${rolesTable(m.roles)}`,
  );
  return m.mismatches.length || !readmeOk ? 1 : 0;
}
