import fs from 'node:fs';
import path from 'node:path';

/**
 * `npm run proof -- <name> [args]`: runs `tests/proof/<name>.ts`'s exported `main(args)` (kill,
 * fuzz, matrix, ...): the proofs under faults and bad input that are too long for the unit suite
 * in full (CI runs a short version of each as a unit test). Its return value is the exit code.
 */
type Proof = { main(args: string[]): Promise<number | undefined> | number | undefined };

/** The proofs here: the files beside this one that export a `main`. */
function proofs(): string[] {
  return fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
    .filter((f) => /export (async )?function main\b/.test(fs.readFileSync(path.join(__dirname, f), 'utf8')))
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();
}

async function run(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const known = proofs();
  if (!name || !known.includes(name)) {
    console.error(`usage: npm run proof -- <${known.join('|')}> [args]${name ? ` (no proof named ${name})` : ''}`);
    return 2;
  }
  const proof = (await import(path.join(__dirname, `${name}.ts`))) as Proof;
  return (await proof.main(args)) ?? 0;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
