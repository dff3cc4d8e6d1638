import { createHash, randomBytes, randomInt } from 'node:crypto';
import { SHORT_CODE_ALPHABET, SHORT_CODE_LENGTH } from './shared/network.contract';

/** SHA-256 of a secret, hex: what the tables keep instead of tokens, codes and device secrets. */
export const hashSecret = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

/** 32 random bytes, base64url: a pairing token or a device secret. */
export const newSecret = () => randomBytes(32).toString('base64url');

/** A short code of SHORT_CODE_LENGTH characters of SHORT_CODE_ALPHABET (crypto random), without its dash. */
export function newShortCode(): string {
  let code = '';
  for (let i = 0; i < SHORT_CODE_LENGTH; i++) code += SHORT_CODE_ALPHABET[randomInt(SHORT_CODE_ALPHABET.length)];
  return code;
}

/** XXXX-XXXX, as the dialog shows it. */
export const showShortCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

/** A typed code as stored: full-width folded (NFKC), upper case, spaces and dashes dropped. */
export const normaliseShortCode = (typed: string) =>
  typed
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-‐‑‒–—―ー－]/g, '');
