import { z } from 'zod';
import { channel } from '../../shared/contract-kit';

const manage = { permission: 'settings.manage' } as const;

export const securitySettingsSchema = z
  .object({
    /** wrong passwords in a row before the account locks */
    lockoutThreshold: z.number('validation.required').int().min(1, 'validation.range').max(100, 'validation.range'),
    lockoutMinutes: z.number('validation.required').int().min(1, 'validation.range').max(1440, 'validation.range'),
    sessionIdleMinutes: z.number('validation.required').int().min(1, 'validation.range').max(1440, 'validation.range'),
  })
  .strict();
export type SecuritySettings = z.infer<typeof securitySettingsSchema>;

export const settingsContract = {
  'settings.getSecurity': channel({ access: manage, input: z.object({}).strict(), output: securitySettingsSchema }),
  'settings.updateSecurity': channel({
    writes: true,
    access: manage,
    input: securitySettingsSchema,
    output: securitySettingsSchema,
  }),
};
