import type { ChannelOutput } from '../../../electron/core/shared/contract';
import type { ApiResult } from '../../../electron/core/shared/contract-kit';
import { test as base } from '../support/fixtures';
import { userByName } from '../support/test-core';

export const RIGHT = 'li-password-1';
export const WRONG = 'not-the-password';

export interface Li {
  /** a sign-in as li from a new window */
  signIn(password: string): Promise<ApiResult<ChannelOutput<'auth.login'>>>;
  /** li's row in the users table */
  row(): ReturnType<typeof userByName>;
}

/** `li`: the clerk 李四 (password RIGHT), created by the administrator. */
export const test = base.extend<{ li: Li }>({
  li: async ({ env, admin }, use) => {
    await admin.ok('user.create', { username: 'li', displayName: '李四', password: RIGHT, roles: ['clerk'] });
    await use({
      signIn: (password) => env.client().call('auth.login', { username: 'li', password }),
      row: () => userByName(env.core, 'li'),
    });
  },
});
