import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DomainError,
  Duplicate,
  FieldRefused,
  InvalidField,
  Refused,
} from '../../../electron/core/errors';

const root = path.resolve(__dirname, '../../..');

function sources(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => path.join(dir, f).split(path.sep).join('/'));
}

describe('domain errors are built by the factories in errors.ts', () => {
  it('nothing under electron/ builds a DomainError by hand', () => {
    const all = sources('electron');
    expect(all).toContain('electron/core/errors.ts');
    const offenders: string[] = [];
    for (const f of all) {
      if (f === 'electron/core/errors.ts') continue;
      const lines = fs.readFileSync(path.join(root, f), 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (/\bnew\s+DomainError\s*\(/.test(line)) offenders.push(`${f}:${i + 1}`);
      });
    }
    expect(offenders).toEqual([]);
  });

  // the wire shape the renderer and the tests read: unchanged from the hand-built errors
  it('Refused carries code, message and params, and no fields', () => {
    expect(Refused('ACCOUNT_LOCKED', 'errors.accountLocked', { minutes: 5 }).toApiError()).toEqual({
      code: 'ACCOUNT_LOCKED',
      messageKey: 'errors.accountLocked',
      params: { minutes: 5 },
    });
    expect(Refused('LAST_ADMIN', 'errors.lastAdmin').toApiError()).toEqual({
      code: 'LAST_ADMIN',
      messageKey: 'errors.lastAdmin',
    });
  });

  it('InvalidField puts the message beside each named field', () => {
    expect(InvalidField('file', 'import.errors.emptyFile').toApiError()).toEqual({
      code: 'INVALID_INPUT',
      messageKey: 'import.errors.emptyFile',
      fields: { file: 'import.errors.emptyFile' },
    });
    expect(InvalidField(['a.enabled', 'b.enabled'], 'k', { value: 'x' }).toApiError()).toEqual({
      code: 'INVALID_INPUT',
      messageKey: 'k',
      fields: { 'a.enabled': 'k', 'b.enabled': 'k' },
      params: { value: 'x' },
    });
  });

  it('FieldRefused and Duplicate keep their own code, fields and params', () => {
    expect(FieldRefused('TAX_ID_CHECKSUM', 'm', { taxId: 'f' }).toApiError()).toEqual({
      code: 'TAX_ID_CHECKSUM',
      messageKey: 'm',
      fields: { taxId: 'f' },
    });
    expect(Duplicate('code', 'taken', { code: 'C1' }).toApiError()).toEqual({
      code: 'DUPLICATE',
      messageKey: 'taken',
      fields: { code: 'taken' },
      params: { code: 'C1' },
    });
  });

  it('fromApi rebuilds the same refusal from its wire shape', () => {
    const wire = FieldRefused('CONFLICT', 'm', { valueMap: 'm' }, { value: 'v' }).toApiError();
    const back = DomainError.fromApi(wire);
    expect(back).toBeInstanceOf(DomainError);
    expect(back.toApiError()).toEqual(wire);
  });
});
