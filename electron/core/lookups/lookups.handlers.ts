import { requireActor } from '../actor';
import type { HandlersOf } from '../handler';
import { createLookup, listLookups, updateLookup } from './lookups.service';
import type { lookupsContract } from './shared/lookups.contract';

export const lookupsHandlers: HandlersOf<typeof lookupsContract> = {
  'lookup.list': ({ core }, input) => listLookups(core, input.kinds),
  'lookup.create': ({ core, actor }, input) => createLookup(core, requireActor(actor), input),
  'lookup.update': ({ core, actor }, input) => updateLookup(core, requireActor(actor), input),
};
