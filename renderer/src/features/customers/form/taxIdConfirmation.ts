/**
 * The user's "校验位不符，仍然保存" for one tax ID. The confirmation holds for the very value the user
 * saw in the question, and is forgotten as soon as the tax ID field changes: a different wrong
 * code typed afterwards (or the same one typed again) is asked about again, never saved on an
 * earlier answer. Pure state, kept in a ref by the form page.
 */
interface TaxIdConfirmation {
  /** The user chose to save `taxId` although its check character is wrong. */
  confirm(taxId: string | null | undefined): void;
  /** The tax ID field changed (or the save went on without the question). */
  forget(): void;
  /** What a save of `taxId` carries as confirmTaxIdChecksum: true only for the confirmed value. */
  flagFor(taxId: string | null | undefined): true | undefined;
}

export function taxIdConfirmation(): TaxIdConfirmation {
  let confirmed: string | null = null;
  return {
    confirm(taxId) {
      confirmed = taxId || null;
    },
    forget() {
      confirmed = null;
    },
    flagFor(taxId) {
      return confirmed !== null && taxId === confirmed ? true : undefined;
    },
  };
}
