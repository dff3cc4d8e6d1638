import { z } from 'zod';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { DEFAULT_SCANNER_SETTINGS, type ScannerSettings } from './types';

export { DEFAULT_SCANNER_SETTINGS };

const affix = z
  .string()
  .max(16, 'validation.tooLong')
  .refine((s) => !/[\s\p{Cc}]/u.test(s) || s === '', 'validation.invalid');

/** What the form accepts (messages are i18n keys). */
export const scannerSettingsSchema = z
  .object({
    prefix: affix,
    suffix: affix,
    terminator: z.enum(['enter', 'tab', 'either']),
    maxGapMs: z.number('validation.required').int().min(10, 'validation.range').max(300, 'validation.range'),
    minLength: z.number('validation.required').int().min(1, 'validation.range').max(64, 'validation.range'),
    sound: z.boolean(),
  })
  .strict();

/** Stored settings as far as they are valid, the defaults for the rest (an old or edited entry never breaks scanning). */
export function sanitizeScannerSettings(stored: unknown): ScannerSettings {
  const out: Record<string, unknown> = { ...DEFAULT_SCANNER_SETTINGS };
  if (stored && typeof stored === 'object') {
    for (const [name, field] of Object.entries(scannerSettingsSchema.shape)) {
      const parsed = field.safeParse((stored as Record<string, unknown>)[name]);
      if (parsed.success) out[name] = parsed.data;
    }
  }
  return out as unknown as ScannerSettings;
}

interface ScannerSettingsState extends ScannerSettings {
  set(patch: Partial<ScannerSettings>): void;
  reset(): void;
}

export const SCANNER_SETTINGS_KEY = 'kh.scannerSettings';

/** This PC's scanner setup, kept in localStorage. */
export const useScannerSettings = create<ScannerSettingsState>()(
  persist(
    (set) => ({
      ...DEFAULT_SCANNER_SETTINGS,
      set: (patch) => set(patch),
      reset: () => set({ ...DEFAULT_SCANNER_SETTINGS }),
    }),
    {
      name: SCANNER_SETTINGS_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s): ScannerSettings => ({
        prefix: s.prefix,
        suffix: s.suffix,
        terminator: s.terminator,
        maxGapMs: s.maxGapMs,
        minLength: s.minLength,
        sound: s.sound,
      }),
      merge: (persisted, current) => ({ ...current, ...sanitizeScannerSettings(persisted) }),
    },
  ),
);

/** The plain settings (no store functions), for useScanCapture. */
export function pickScannerSettings(s: ScannerSettings): ScannerSettings {
  return {
    prefix: s.prefix,
    suffix: s.suffix,
    terminator: s.terminator,
    maxGapMs: s.maxGapMs,
    minLength: s.minLength,
    sound: s.sound,
  };
}
