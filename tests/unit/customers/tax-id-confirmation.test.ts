import { describe, expect, it } from 'vitest';
import { taxIdConfirmation } from '../../../renderer/src/features/customers/form/taxIdConfirmation';

// Issue 12 review: the customer form's "校验位不符，仍然保存" stayed confirmed for the rest of the
// form's life, so a different wrong tax ID typed afterwards was saved without asking.
// Pilot-era codes with a wrong check character (the ones of the issue).
const A = '91350211M00013FA1N';
const B = '91350203M0001QAY9B';

describe('the tax ID checksum confirmation of the customer form', () => {
  it('holds for the very tax ID the user confirmed, and for no other', () => {
    const c = taxIdConfirmation();
    expect(c.flagFor(A)).toBeUndefined();
    c.confirm(A);
    expect(c.flagFor(A)).toBe(true);
    // a save that sends another code (the field changed while the question was open) carries none
    expect(c.flagFor(B)).toBeUndefined();
    expect(c.flagFor(null)).toBeUndefined();
  });

  it('is forgotten when the tax ID field changes: a wrong code typed afterwards is asked about again', () => {
    const c = taxIdConfirmation();
    c.confirm(A);
    c.forget(); // the user edits the tax ID
    expect(c.flagFor(B)).toBeUndefined();
    // even typing the confirmed code back asks again
    expect(c.flagFor(A)).toBeUndefined();
    c.confirm(B);
    expect([c.flagFor(A), c.flagFor(B)]).toEqual([undefined, true]);
  });

  it('an empty tax ID is never confirmed', () => {
    const c = taxIdConfirmation();
    c.confirm('');
    expect([c.flagFor(''), c.flagFor(null), c.flagFor(undefined)]).toEqual([undefined, undefined, undefined]);
    c.confirm(null);
    expect(c.flagFor(null)).toBeUndefined();
  });
});
