import { z } from 'zod';
import { displayNameSchema, passwordSchema, roleCodeSchema, usernameSchema } from '../../auth/shared/auth.contract';
import { channel } from '../../shared/contract-kit';

const manage = { permission: 'user.manage' } as const;
const id = z.number('validation.required').int().positive();
const version = z.number('validation.required').int().positive();
const roleList = z.array(roleCodeSchema, 'validation.rolesRequired').min(1, 'validation.rolesRequired');

const userRowSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type UserRow = z.infer<typeof userRowSchema>;

export const userCreateSchema = z
  .object({ username: usernameSchema, displayName: displayNameSchema, password: passwordSchema, roles: roleList })
  .strict();

export const usersContract = {
  'user.list': channel({
    access: manage,
    input: z.object({}).strict(),
    output: z.object({ items: z.array(userRowSchema) }),
  }),
  'user.create': channel({
    writes: true,
    access: manage,
    input: userCreateSchema,
    output: userRowSchema,
  }),
  'user.update': channel({
    writes: true,
    access: manage,
    input: z.object({ id, version, displayName: displayNameSchema, roles: roleList }).strict(),
    output: userRowSchema,
  }),
  'user.resetPassword': channel({
    writes: true,
    access: manage,
    input: z.object({ id, password: passwordSchema }).strict(),
    output: userRowSchema,
  }),
  'user.setDisabled': channel({
    writes: true,
    access: manage,
    input: z.object({ id, version, disabled: z.boolean() }).strict(),
    output: userRowSchema,
  }),
  /** Active users as choices (专管业务员 picker): anyone who may see customers. */
  'user.options': channel({
    access: { permission: 'customer.view' },
    input: z.object({}).strict(),
    output: z.object({ items: z.array(z.object({ id: z.number().int(), displayName: z.string() })) }),
  }),
  'role.list': channel({
    access: manage,
    input: z.object({}).strict(),
    output: z.object({ items: z.array(z.object({ code: z.string(), permissions: z.array(z.string()) })) }),
  }),
};
