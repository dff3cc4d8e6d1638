/**
 * A scan's client id, made on the phone: 16 random bytes from `crypto.getRandomValues` laid out as
 * a UUID v4 (`crypto.randomUUID` is missing on pages that are not a secure context). It is the
 * scan's idempotency key: the server stores one scan per client id, however often it is sent.
 */
export function newClientId(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const b = random(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40; // version 4
  b[8] = (b[8] & 0x3f) | 0x80; // variant 10
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** This phone's label, sent with each scan as its deviceId: `m-` and 10 random hex digits. */
export function newDeviceLabel(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  return `m-${Array.from(random(new Uint8Array(5)), (x) => x.toString(16).padStart(2, '0')).join('')}`;
}
