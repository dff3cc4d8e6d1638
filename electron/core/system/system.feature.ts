import { defineFeature } from '../feature';
import { systemContract } from './shared/system.contract';
import { systemHandlers } from './system.handlers';

export const systemFeature = defineFeature({
  name: 'system',
  contract: systemContract,
  handlers: systemHandlers,
});
