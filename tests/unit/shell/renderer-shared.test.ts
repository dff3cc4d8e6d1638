import { describe, expect, it } from 'vitest';
import { onlyOne } from '../../../renderer/src/shared/onlyOne';
import { paging } from '../../../renderer/src/shared/paging';

describe('paging', () => {
  it('gives a page as page numbers and as offset and limit', () => {
    expect(paging(1, 20)).toEqual({ page: 1, pageSize: 20, offset: 0, limit: 20 });
    expect(paging(3, 50)).toEqual({ page: 3, pageSize: 50, offset: 100, limit: 50 });
  });
});

describe('onlyOne', () => {
  const contacts = [
    { name: 'a', isPrimary: true },
    { name: 'b', isPrimary: false },
    { name: 'c', isPrimary: false },
  ];

  it('moves the flag to the chosen row', () => {
    expect(onlyOne(contacts, 2, 'isPrimary').map((c) => c.isPrimary)).toEqual([false, false, true]);
  });

  it('leaves rows of other groups alone', () => {
    const addresses = [
      { kind: 'billing', isDefault: true },
      { kind: 'delivery', isDefault: true },
      { kind: 'delivery', isDefault: false },
    ];
    const next = onlyOne(addresses, 2, 'isDefault', (a, b) => a.kind === b.kind);
    expect(next.map((a) => a.isDefault)).toEqual([true, false, true]);
  });

  it('does not change the rows it was given', () => {
    onlyOne(contacts, 1, 'isPrimary');
    expect(contacts.map((c) => c.isPrimary)).toEqual([true, false, false]);
  });

  it('changes nothing for a row that is not there', () => {
    expect(onlyOne(contacts, 5, 'isPrimary')).toEqual(contacts);
  });
});
