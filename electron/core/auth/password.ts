import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// scrypt with a per-user random salt; parameters are stored with the hash so they can grow.
const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 64;

function scryptAsync(password: string, salt: Buffer, n: number, r: number, p: number, keylen: number) {
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(password, salt, keylen, { N: n, r, p, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** Runs on libuv's thread pool, so the main process stays responsive. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, N, R, P, KEYLEN);
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [algo, n, r, p, saltB64, keyB64] = stored.split('$');
  if (algo !== 'scrypt' || !saltB64 || !keyB64) return false;
  const expected = Buffer.from(keyB64, 'base64');
  const key = await scryptAsync(password, Buffer.from(saltB64, 'base64'), +n, +r, +p, expected.length);
  return timingSafeEqual(key, expected);
}

/** A hash of a random password: what an unknown name's password is compared against, so timing does not reveal it. */
export function randomHash(): Promise<string> {
  return hashPassword(randomBytes(16).toString('hex'));
}
