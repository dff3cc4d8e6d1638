import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');

function files(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f).split(path.sep).join('/'));
}

/** Relative imports of a file (value and type), as paths from the repository root. */
function importsOf(file: string): string[] {
  const src = fs.readFileSync(path.join(root, file), 'utf8');
  return [...src.matchAll(/(?:import|export)[^'"]*?from\s*['"](\.[^'"]+)['"]/g)].map((m) =>
    path.relative(root, path.resolve(path.dirname(path.join(root, file)), m[1])).split(path.sep).join('/'),
  );
}

/**
 * Module-level state that a second core in the same process would share: `let`/`var` at the top
 * of a file, or a top-level const holding a Map, Set, WeakMap or array to fill later.
 */
function moduleState(file: string): string[] {
  const src = fs.readFileSync(path.join(root, file), 'utf8');
  return [
    ...src.matchAll(/^(?:export\s+)?(?:let|var)\s+\w+/gm),
    ...src.matchAll(/^(?:export\s+)?const\s+\w+\s*(?::[^=]+)?=\s*(?:new\s+(?:Map|Set|WeakMap)\b|\[\s*\])/gm),
  ].map((m) => `${file}: ${m[0]}`);
}

describe('the job machinery', () => {
  it('keeps no module-level state: the runner and the write gate belong to each core', () => {
    const scope = [
      ...files('electron/core/jobs'),
      'electron/core/write-gate.ts',
      'electron/core/import/import.jobs.ts',
      'electron/core/import/import.service.ts',
      'electron/core/review/review.jobs.ts',
      'electron/core/review/review.handlers.ts',
    ];
    expect(scope.length).toBeGreaterThan(10);
    expect(scope.flatMap(moduleState)).toEqual([]);
  });

  it('is used by features through core/jobs, never through another feature', () => {
    // the review once ran its job through import's worker and opened its connection there (a cycle)
    const fromReview = files('electron/core/review').flatMap((f) =>
      importsOf(f)
        .filter((i) => i.startsWith('electron/core/import/'))
        .map((i) => `${f} → ${i}`),
    );
    expect(fromReview).toEqual([]);
    // the machinery knows the features only through the list of their job kinds
    const features = /^electron\/core\/(?!jobs\/|shared\/|[\w-]+\.ts$|[\w-]+$)/;
    const fromJobs = files('electron/core/jobs')
      .filter((f) => f !== 'electron/core/jobs/kinds.ts')
      .flatMap((f) =>
        importsOf(f)
          .filter((i) => features.test(i))
          .map((i) => `${f} → ${i}`),
      );
    expect(fromJobs).toEqual([]);
  });
});
