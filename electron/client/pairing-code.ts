import { isIPv4 } from 'node:net';
import { normaliseShortCode } from '../core/network/secrets';
import { DEFAULT_LAN_PORT, SHORT_CODE_ALPHABET, SHORT_CODE_LENGTH } from '../core/network/shared/network.contract';

/**
 * What a person scans or types to connect this PC to the office server: the QR code's address
 * (`https://ADDR:PORT/pair#t=TOKEN&spki=BASE64`: the token and the server key's hash to pin), or
 * the server's address (`ADDR[:PORT]`, the port 5443 when left out) and the short code
 * (XXXX-XXXX; any case, spaces, dashes and full-width characters allowed). Refusals are
 * `launch.errors.*` keys.
 */
export type PairingInput =
  | { kind: 'token'; address: string; port: number; token: string; spki: string }
  | { kind: 'code'; address: string; port: number; code: string };

export type Parsed<T> = { ok: true; value: T } | { ok: false; messageKey: string };

const refused = (messageKey: string) => ({ ok: false, messageKey }) as const;

/** Full-width folded (NFKC), the ideographic full stop as a dot, spaces at the ends dropped. */
const fold = (text: string) => text.normalize('NFKC').replace(/[。｡]/g, '.').trim();

const CODE_RE = new RegExp(`^[${SHORT_CODE_ALPHABET}]{${SHORT_CODE_LENGTH}}$`);
const ADDRESS_RE = /(?:^|[^\d.])(\d{1,3}(?:\.\d{1,3}){3})(?::(\d{1,5}))?(?![\d.])/;

/** An address as typed (`192.168.1.10`, `192.168.1.10:5443`, `https://192.168.1.10:5443/pair`). */
export function parseAddress(typed: string): Parsed<{ address: string; port: number }> {
  const text = fold(typed)
    .replace(/^https?:\/\//i, '')
    .replace(/\/.*$/, '');
  if (!text) return refused('launch.errors.addressMissing');
  const m = /^(\d{1,3}(?:\.\d{1,3}){3})(?::(\d{1,5}))?$/.exec(text.replace(/\s+/g, ''));
  if (!m || !isIPv4(m[1])) return refused('launch.errors.addressInvalid');
  const port = m[2] === undefined ? DEFAULT_LAN_PORT : Number(m[2]);
  if (port < 1 || port > 65535) return refused('launch.errors.addressInvalid');
  return { ok: true, value: { address: m[1], port } };
}

/** The QR code's address, scanned (a scanner types it) or pasted. */
function parseQrUrl(text: string): Parsed<PairingInput> {
  let url: URL;
  try {
    url = new URL(text.replace(/\s+/g, ''));
  } catch {
    return refused('launch.errors.urlInvalid');
  }
  if (url.protocol !== 'https:' || !isIPv4(url.hostname) || url.pathname !== '/pair')
    return refused('launch.errors.urlInvalid');
  const params = new URLSearchParams(url.hash.replace(/^#/, ''));
  const token = params.get('t');
  const spki = params.get('spki');
  if (!token || !/^[\w-]{16,200}$/.test(token) || !spki || !/^[A-Za-z0-9+/]{43}=$/.test(spki))
    return refused('launch.errors.urlInvalid');
  return {
    ok: true,
    value: { kind: 'token', address: url.hostname, port: url.port ? Number(url.port) : 443, token, spki },
  };
}

/**
 * Parses the connect form: `text` is the QR code's address, or the short code (with the address
 * before it, `192.168.1.10:5443 ABCD-EFGH`, or in `address`).
 */
export function parsePairingInput(text: string, address?: string): Parsed<PairingInput> {
  const folded = fold(text);
  if (!folded) return refused('launch.errors.codeMissing');
  if (/^https?:\/\//i.test(folded) || folded.includes('/pair')) return parseQrUrl(folded);
  let rest = folded;
  let at: Parsed<{ address: string; port: number }> | null = null;
  const inText = ADDRESS_RE.exec(folded);
  if (inText) {
    at = parseAddress(inText[0].replace(/^[^\d]/, ''));
    rest = folded.replace(inText[0], ' ');
  }
  if (!at || (address !== undefined && fold(address) !== '')) {
    if (address === undefined || fold(address) === '') return refused('launch.errors.addressMissing');
    at = parseAddress(address);
  }
  if (!at.ok) return at;
  const code = normaliseShortCode(rest);
  if (!code) return refused('launch.errors.codeMissing');
  if (!CODE_RE.test(code)) return refused('launch.errors.codeFormat');
  return { ok: true, value: { kind: 'code', ...at.value, code } };
}
