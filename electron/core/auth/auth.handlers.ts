import { requireActor } from '../actor';
import type { HandlersOf } from '../handler';
import * as auth from './auth.service';
import type { authContract } from './shared/auth.contract';

export const authHandlers: HandlersOf<typeof authContract> = {
  'auth.status': ({ core, actor }) => auth.authStatus(core, actor),
  'auth.setup': ({ core, transport }, input) => auth.setup(core, transport, input),
  'auth.login': ({ core, transport }, input) => auth.login(core, transport, input),
  'auth.logout': ({ core, transport, actor }) => auth.logout(core, transport, requireActor(actor)),
  'auth.changePassword': ({ core, actor }, input) => auth.changePassword(core, actor, input),
  'prefs.setLocale': ({ core, actor }, input) => auth.setLocale(core, requireActor(actor), input.locale),
};
