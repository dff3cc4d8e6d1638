import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assemble } from '../../../electron/core/feature';
import { features } from '../../../electron/core/features';
import { contract } from '../../../electron/core/shared/contract';

const root = path.resolve(__dirname, '../../..');

describe('the feature list (features.ts) and the renderer contract (shared/contract.ts)', () => {
  it('serve exactly the same channels, with the same definitions', () => {
    const served: Record<string, unknown> = {};
    for (const f of features) {
      for (const [name, def] of Object.entries(f.contract)) {
        expect(served[name], `${name} is served by two features`).toBeUndefined();
        served[name] = def;
      }
    }
    expect(Object.keys(served).sort()).toEqual(Object.keys(contract).sort());
    for (const [name, def] of Object.entries(contract)) expect(served[name], name).toBe(def);
    // what a core builds from the list is that contract
    expect(Object.keys(assemble(features).contract).sort()).toEqual(Object.keys(contract).sort());
  });

  it('name each feature by its one word: electron/core/<word>/<word>.feature.ts exports <word>Feature', () => {
    expect(features.length).toBeGreaterThanOrEqual(10);
    for (const f of features) {
      const file = path.join(root, 'electron/core', f.name, `${f.name}.feature.ts`);
      expect(fs.existsSync(file), file).toBe(true);
      expect(fs.readFileSync(file, 'utf8')).toContain(`export const ${f.name}Feature`);
    }
    expect(new Set(features.map((f) => f.name)).size).toBe(features.length);
  });

  it('a core refuses a list that serves a channel twice or gives a rule two queries', () => {
    const [auth, users] = features;
    expect(() =>
      assemble([auth, { ...users, contract: auth.contract, handlers: auth.handlers, name: 'again' }]),
    ).toThrow(/channel auth\.status of again is already served/);
    const rule = { build: () => ({ sql: 'SELECT 1 AS customer_id', params: [] }) };
    const a = { name: 'a', contract: {}, handlers: {}, reviewRules: { stocktakeMissing: rule } };
    expect(() => assemble([a, { ...a, name: 'b' }])).toThrow(/review rule stocktakeMissing of b already has a query/);
    expect(() =>
      assemble([{ name: 'x', contract: {}, handlers: {}, customerReferences: [{ table: 'a; DROP', column: 'c' }] }]),
    ).toThrow(/bad reference/);
  });
});
