import { requireActor } from './actor';
import { auditFacets, listAudit } from './audit/audit.service';
import * as auth from './auth/auth.service';
import { inTransaction } from './core';
import { customersHandlers } from './customers/customers.handlers';
import { customerImportHandlers } from './import/import.handlers';
import { customerStatusHandlers } from './status/status.handlers';
import { createLookup, listLookups, updateLookup } from './lookups/lookups.service';
import { reviewHandlers } from './review/review.handlers';
import type { Handlers } from './handler';
import * as usersSvc from './users/users.service';

/** Every channel's handler. Typed against the contract, so a missing one does not compile. */
export const handlers: Handlers = {
  'auth.status': ({ core, actor }) => auth.authStatus(core, actor),
  'auth.setup': ({ core, transport }, input) => auth.setup(core, transport, input),
  'auth.login': ({ core, transport }, input) => auth.login(core, transport, input),
  'auth.logout': ({ core, transport, actor }) => auth.logout(core, transport, requireActor(actor)),
  'auth.changePassword': ({ core, actor }, input) => auth.changePassword(core, actor, input),
  'prefs.setLocale': ({ core, actor }, input) => auth.setLocale(core, requireActor(actor), input.locale),

  'user.list': ({ core }) => usersSvc.listUsers(core),
  'user.create': ({ core, actor }, input) => usersSvc.createUser(core, requireActor(actor), input),
  'user.update': ({ core, actor }, input) => usersSvc.updateUser(core, requireActor(actor), input),
  'user.resetPassword': ({ core, actor }, input) => usersSvc.resetPassword(core, requireActor(actor), input),
  'user.setDisabled': ({ core, actor }, input) => usersSvc.setDisabled(core, requireActor(actor), input),
  'role.list': ({ core }) => usersSvc.listRoles(core),
  'user.options': ({ core }) => usersSvc.userOptions(core),

  'audit.list': ({ core }, input) => listAudit(core, input),
  'audit.facets': ({ core }) => auditFacets(core),

  ...customersHandlers,
  ...customerImportHandlers,
  ...customerStatusHandlers,
  ...reviewHandlers,
  'lookup.list': ({ core }, input) => listLookups(core, input.kinds),
  'lookup.create': ({ core, actor }, input) => createLookup(core, requireActor(actor), input),
  'lookup.update': ({ core, actor }, input) => updateLookup(core, requireActor(actor), input),

  'settings.getSecurity': ({ core }) => core.settings.getSecurity(),
  'settings.updateSecurity': ({ core, actor }, input) =>
    inTransaction(core, () => core.settings.updateSecurity(requireActor(actor), input, core.clock.now())),

  'system.ping': ({ core }, input) => ({ echo: input.echo ?? null, at: core.clock.now().toISOString() }),
  'system.fault': ({ core }) => core.fault,
};
