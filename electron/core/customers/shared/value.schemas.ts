import { z } from 'zod';
import { refuseHiddenChars } from '../../shared/contract-kit';
import { normalizeProse } from '../../shared/normalize';
import { MAINLAND_MOBILE, normalizeMobile, normalizeTaxId } from './customer.rules';

/**
 * Schemas of single values of the customer record (the renderer's forms validate with the same
 * ones): text, ids, code, mnemonic, tax ID, mobile, email, date.
 */

/** Optional text: normalised (one line, or lines kept for text areas); empty becomes null. */
export const optText = (max: number, normalize: (s: string) => string = normalizeProse) =>
  z
    .string()
    .superRefine(refuseHiddenChars)
    .transform(normalize)
    .pipe(z.string().max(max, 'validation.tooLong'))
    .transform((s) => s || null)
    .nullable()
    .optional();
export const reqText = (max: number) =>
  z
    .string('validation.required')
    .superRefine(refuseHiddenChars)
    .transform(normalizeProse)
    .pipe(z.string().min(1, 'validation.required').max(max, 'validation.tooLong'));
export const optId = z.number().int().positive().nullable().optional();

export const customerCodeSchema = z
  .string()
  .transform((s) => s.normalize('NFKC').replace(/\s+/g, '').toUpperCase())
  .pipe(
    z
      .string()
      .max(32, 'validation.tooLong')
      .regex(/^[A-Z0-9_-]*$/, 'customers.validation.codeChars'),
  );

export const mnemonicSchema = z
  .string()
  .transform((s) => s.normalize('NFKC').replace(/\s+/g, '').toUpperCase())
  .pipe(
    z
      .string()
      .max(50, 'validation.tooLong')
      .regex(/^[A-Z0-9]*$/, 'customers.validation.mnemonicChars'),
  )
  .transform((s) => s || null)
  .nullable()
  .optional();

export const taxIdSchema = z
  .string()
  .transform(normalizeTaxId)
  .pipe(
    z
      .string()
      .max(30, 'validation.tooLong')
      .regex(/^[0-9A-Z]*$/, 'customers.validation.taxIdChars'),
  )
  .transform((s) => s || null)
  .nullable()
  .optional();

/** A mobile: mainland numbers (+86 and separators dropped) must be valid; foreign ones keep their +. */
export const mobileSchema = z
  .string()
  .transform(normalizeMobile)
  .refine((s) => s === '' || /^\+?\d{5,20}$/.test(s), 'customers.validation.mobile')
  .refine((s) => !/^1\d*$/.test(s) || MAINLAND_MOBILE.test(s), 'customers.validation.mobile')
  .transform((s) => s || null)
  .nullable()
  .optional();

export const emailSchema = z
  .string()
  .transform((s) => s.normalize('NFKC').trim())
  .pipe(z.union([z.literal(''), z.email('customers.validation.email')]))
  .transform((s) => s || null)
  .nullable()
  .optional();

export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'customers.validation.date')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'customers.validation.date')
  .nullable()
  .optional();
