import { defineFeature } from '../feature';
import { lookupsHandlers } from './lookups.handlers';
import { lookupsContract } from './shared/lookups.contract';

export const lookupsFeature = defineFeature({
  name: 'lookups',
  contract: lookupsContract,
  handlers: lookupsHandlers,
});
