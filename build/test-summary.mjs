// Prints one plain closing line for CI from the JSON reports of vitest and Playwright:
// "tests: N passed, N failed". Missing reports count as a failure (the runner never finished).
import fs from 'node:fs';

function read(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

let passed = 0;
let failed = 0;
const unit = read('test-results/unit.json');
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
} else failed += 1;
const e2e = read('test-results/e2e.json');
if (e2e) {
  passed += e2e.stats.expected;
  failed += e2e.stats.unexpected + e2e.stats.flaky;
} else failed += 1;
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
