/**
 * An id for one filled-in form (settlement.paymentCreate's clientId): made once when the form
 * opens, sent with every try, so a resend after a timeout is answered with the stored payment.
 * From crypto.getRandomValues, which (unlike randomUUID) also exists on a plain-http LAN page.
 */
export function newClientId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
