import type { ChannelInput } from '../../../../../electron/core/shared/contract';

type Proposal = ChannelInput<'stocktake.proposeCorrection'>['proposal'];

/**
 * The correction dialog's fields: the primary contact's name, mobile, phone; one address; a note.
 * The `clear…` / `remove…` ticks propose emptying a value, which a blank field does not (blank is
 * "unchanged").
 */
export interface CorrectionValues {
  contactName?: string;
  mobile?: string;
  clearMobile?: boolean;
  phone?: string;
  clearPhone?: boolean;
  /** remove the primary contact altogether */
  removeContact?: boolean;
  addressKind?: 'registered' | 'delivery' | 'billing';
  /** remove the customer's address of `addressKind` */
  removeAddress?: boolean;
  country?: string;
  /** province → city → district codes (China) */
  division?: string[];
  street?: string;
  postcode?: string;
  note?: string;
}

/** Every field of the dialog (a refusal's field errors are shown beside these). */
export const CORRECTION_FIELDS = [
  'contactName',
  'mobile',
  'clearMobile',
  'phone',
  'clearPhone',
  'removeContact',
  'addressKind',
  'removeAddress',
  'country',
  'division',
  'street',
  'postcode',
  'note',
] as const;

const filled = (s: string | undefined | null) => !!s && s.trim() !== '';

/**
 * The proposal sent to the core: only the parts the person filled in or ticked (a contact when
 * any of its fields is given or cleared, an address when its place or street is). A field left
 * empty is not part of the proposal, so applying it keeps the customer's value (a corrected phone
 * leaves the mobile alone); a ticked 清空 sends null, which clears it. The core refuses an empty
 * proposal.
 */
export function proposalOf(v: CorrectionValues): Proposal {
  const out: Record<string, unknown> = {};
  if (v.removeContact) out.contact = null;
  else {
    const contact = {
      ...(filled(v.contactName) ? { name: v.contactName } : {}),
      ...(v.clearMobile ? { mobile: null } : filled(v.mobile) ? { mobile: v.mobile } : {}),
      ...(v.clearPhone ? { phone: null } : filled(v.phone) ? { phone: v.phone } : {}),
    };
    if (Object.keys(contact).length) out.contact = contact;
  }
  const division = v.division ?? [];
  if (v.removeAddress) out.removeAddress = v.addressKind ?? 'registered';
  else if (division.length || filled(v.street) || filled(v.postcode)) {
    const china = (v.country ?? 'CN') === 'CN';
    const [provinceCode, cityCode, districtCode] = china ? division : [];
    out.address = {
      kind: v.addressKind ?? 'registered',
      country: v.country ?? 'CN',
      provinceCode: provinceCode ?? null,
      cityCode: cityCode ?? null,
      districtCode: districtCode ?? null,
      street: v.street ?? '',
      postcode: v.postcode ?? '',
    };
  }
  if (filled(v.note)) out.note = v.note;
  return out as Proposal;
}

/** The proposal's paths (as the core names a refused field) → the dialog's field showing it. */
const FIELD_OF: Record<string, (typeof CORRECTION_FIELDS)[number]> = {
  'proposal.contact.name': 'contactName',
  'proposal.contact.mobile': 'mobile',
  'proposal.contact.phone': 'phone',
  'proposal.contact': 'contactName',
  'proposal.address.kind': 'addressKind',
  'proposal.address.country': 'country',
  'proposal.address.provinceCode': 'division',
  'proposal.address.cityCode': 'division',
  'proposal.address.districtCode': 'division',
  'proposal.address.street': 'street',
  'proposal.address.postcode': 'postcode',
  'proposal.removeAddress': 'removeAddress',
  'proposal.note': 'note',
};

/** A refusal's field errors renamed to the dialog's fields (any it does not know kept as they are). */
export function dialogFieldErrors(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([path, key]) => [FIELD_OF[path] ?? path, key]));
}
