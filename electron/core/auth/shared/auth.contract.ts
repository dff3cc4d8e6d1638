import { z } from 'zod';
import { channel, refuseHiddenChars } from '../../shared/contract-kit';
import { normalizeProse, normalizeText } from '../../shared/normalize';
import { ROLE_CODES } from '../../shared/permissions';
import { LOCALES } from './locales';

export { LOCALES };
const localeSchema = z.enum(LOCALES);
export const roleCodeSchema = z.enum(ROLE_CODES);

/** Login names: full-width folded, trimmed, lower-case; letters (any script), digits, . _ - */
export const usernameSchema = z
  .string('validation.required')
  .transform((s) => normalizeText(s).toLowerCase())
  .pipe(
    z
      .string()
      .min(2, 'validation.usernameLength')
      .max(32, 'validation.usernameLength')
      .regex(/^[\p{L}\p{N}._-]+$/u, 'validation.usernameChars'),
  );
/** Passwords are taken exactly as typed (no trimming). */
export const passwordSchema = z
  .string('validation.required')
  .min(8, 'validation.passwordLength')
  .max(128, 'validation.passwordLength');
export const displayNameSchema = z
  .string('validation.required')
  .superRefine(refuseHiddenChars)
  .transform(normalizeProse)
  .pipe(z.string().min(1, 'validation.required').max(50, 'validation.tooLong'));

const sessionUserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  locale: localeSchema,
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

const empty = z.object({}).strict();

export const authContract = {
  'auth.status': channel({
    access: 'public',
    input: empty,
    output: z.object({
      needsSetup: z.boolean(),
      user: sessionUserSchema.nullable(),
      sessionIdleMinutes: z.number().int(),
    }),
  }),
  'auth.setup': channel({
    writes: true,
    access: 'public',
    input: z
      .object({
        username: usernameSchema,
        displayName: displayNameSchema,
        password: passwordSchema,
        locale: localeSchema.optional(),
      })
      .strict(),
    output: sessionUserSchema,
  }),
  'auth.login': channel({
    writes: true,
    access: 'public',
    input: z
      .object({
        username: usernameSchema,
        password: z.string('validation.required').min(1, 'validation.required').max(128),
      })
      .strict(),
    output: sessionUserSchema,
  }),
  'auth.logout': channel({
    writes: true,
    access: 'session',
    input: empty,
    output: empty,
  }),
  'auth.changePassword': channel({
    writes: true,
    access: 'session',
    input: z
      .object({
        currentPassword: z.string('validation.required').min(1, 'validation.required').max(128),
        newPassword: passwordSchema,
      })
      .strict(),
    output: empty,
  }),
  'prefs.setLocale': channel({
    writes: true,
    access: 'session',
    input: z.object({ locale: localeSchema }).strict(),
    output: empty,
  }),
};
