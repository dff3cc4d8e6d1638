import { requireActor } from '../actor';
import type { HandlersOf } from '../handler';
import type { usersContract } from './shared/users.contract';
import * as usersSvc from './users.service';

export const usersHandlers: HandlersOf<typeof usersContract> = {
  'user.list': ({ core }) => usersSvc.listUsers(core),
  'user.create': ({ core, actor }, input) => usersSvc.createUser(core, requireActor(actor), input),
  'user.update': ({ core, actor }, input) => usersSvc.updateUser(core, requireActor(actor), input),
  'user.resetPassword': ({ core, actor }, input) => usersSvc.resetPassword(core, requireActor(actor), input),
  'user.setDisabled': ({ core, actor }, input) => usersSvc.setDisabled(core, requireActor(actor), input),
  'role.list': ({ core }) => usersSvc.listRoles(core),
  'user.options': ({ core }) => usersSvc.userOptions(core),
};
