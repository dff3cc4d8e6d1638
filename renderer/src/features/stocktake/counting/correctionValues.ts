import type { ChannelInput } from '../../../../../electron/core/shared/contract';

type Proposal = ChannelInput<'stocktake.proposeCorrection'>['proposal'];

/** The correction dialog's fields: the primary contact's name, mobile, phone; one address; a note. */
export interface CorrectionValues {
  contactName?: string;
  mobile?: string;
  phone?: string;
  addressKind?: 'registered' | 'delivery' | 'billing';
  country?: string;
  /** province → city → district codes (China) */
  division?: string[];
  street?: string;
  postcode?: string;
  note?: string;
}

const filled = (s: string | undefined | null) => !!s && s.trim() !== '';

/**
 * The proposal sent to the core: only the parts the person filled in (a contact when any of its
 * fields is given, an address when its place or street is). A field left empty is not part of the
 * proposal, so applying it keeps the customer's value (a corrected phone leaves the mobile alone).
 * The core refuses an empty proposal.
 */
export function proposalOf(v: CorrectionValues): Proposal {
  const out: Record<string, unknown> = {};
  if (filled(v.contactName) || filled(v.mobile) || filled(v.phone)) {
    out.contact = {
      ...(filled(v.contactName) ? { name: v.contactName } : {}),
      ...(filled(v.mobile) ? { mobile: v.mobile } : {}),
      ...(filled(v.phone) ? { phone: v.phone } : {}),
    };
  }
  const division = v.division ?? [];
  if (division.length || filled(v.street) || filled(v.postcode)) {
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
