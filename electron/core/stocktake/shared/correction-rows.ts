/**
 * A proposed correction as rows of "field: before → proposed", for the reconcile screen, the
 * printed report and the .xlsx (the core's export). The proposal (stocktake.contract.ts's
 * correctionProposalSchema) holds `contact` {name, mobile, phone} or null (removed), `address` or
 * `removeAddress`, and a `note`; `before` holds the contact and address as the customer had them
 * when it was proposed. Only proposed fields are rows; a value cleared or removed is proposed null.
 */

export type CorrectionField = 'contact' | 'contactName' | 'mobile' | 'phone' | 'address' | 'note';

export const CORRECTION_FIELDS: readonly CorrectionField[] = ['contact', 'contactName', 'mobile', 'phone', 'address', 'note'];

export interface CorrectionRow {
  field: CorrectionField;
  before: string | null;
  proposed: string | null;
  /** the proposed value differs from the one before */
  changed: boolean;
}

type Obj = Record<string, unknown>;

const obj = (v: unknown): Obj | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null);
const text = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
};

/**
 * The rows of one correction; `addressText` writes an address object as text (divisions named in
 * the user's language), so this stays free of the geo data.
 */
export function correctionRows(
  before: Obj,
  proposal: Obj,
  addressText: (address: Obj) => string | null,
): CorrectionRow[] {
  const rows: CorrectionRow[] = [];
  const add = (field: CorrectionField, b: string | null, p: string | null) =>
    rows.push({ field, before: b, proposed: p, changed: b !== p });

  const contact = obj(proposal.contact);
  if (proposal.contact === null) {
    const was = obj(before.contact);
    const b = was ? [was.name, was.mobile, was.phone].map(text).filter(Boolean).join(' ') || null : null;
    add('contact', b, null);
  } else if (contact) {
    const was = obj(before.contact) ?? {};
    if ('name' in contact) add('contactName', text(was.name), text(contact.name));
    if ('mobile' in contact) add('mobile', text(was.mobile), text(contact.mobile));
    if ('phone' in contact) add('phone', text(was.phone), text(contact.phone));
  }
  const address = obj(proposal.address);
  if (address || proposal.removeAddress) {
    const was = obj(before.address);
    add('address', was ? addressText(was) : null, address ? addressText(address) : null);
  }
  const note = text(proposal.note);
  if (note) rows.push({ field: 'note', before: null, proposed: note, changed: false });
  return rows;
}

/**
 * What a row proposes, in words: the value, or `cleared` when it empties one there was (a dash,
 * `empty`, is "there was none and is none").
 */
export function proposedText(row: CorrectionRow, empty: string, cleared: string): string {
  return row.proposed ?? (row.before == null ? empty : cleared);
}
