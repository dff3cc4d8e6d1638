/**
 * Every password check, counted (this module imports nothing of the app: the mock's factory loads it
 * while the password module is being replaced): the lockout's promise is about how many are ever made. A test
 * file counts them with
 * `vi.mock('../../../electron/core/auth/password', async (real) => (await import('./counted-password')).countedPassword(real))`.
 */
export const verified = { passwords: [] as string[] };
export async function countedPassword(importOriginal: <T>() => Promise<T>) {
  const real = await importOriginal<typeof import('../../../electron/core/auth/password')>();
  return {
    ...real,
    verifyPassword: (password: string, stored: string) => {
      verified.passwords.push(password);
      return real.verifyPassword(password, stored);
    },
  };
}
