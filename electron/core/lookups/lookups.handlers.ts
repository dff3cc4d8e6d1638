import { requireActor } from '../actor';
import type { Core } from '../core';
import type { HandlersOf } from '../handler';
import { createLookup, listLookups, updateLookup } from './lookups.service';
import { LOOKUPS_CHANGED_EVENT, type lookupsContract } from './shared/lookups.contract';

/** After the change committed: every signed-in window reloads its lists (another PC's too). */
function told<T extends { id: number }>(core: Core, item: T): T {
  core.events.emit({ name: LOOKUPS_CHANGED_EVENT, payload: { id: item.id } });
  return item;
}

export const lookupsHandlers: HandlersOf<typeof lookupsContract> = {
  'lookup.list': ({ core }, input) => listLookups(core, input.kinds),
  'lookup.create': ({ core, actor }, input) => told(core, createLookup(core, requireActor(actor), input)),
  'lookup.update': ({ core, actor }, input) => told(core, updateLookup(core, requireActor(actor), input)),
};
