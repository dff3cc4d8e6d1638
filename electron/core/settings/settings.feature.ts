import { defineFeature } from '../feature';
import { settingsHandlers } from './settings.handlers';
import { settingsContract } from './shared/settings.contract';

export const settingsFeature = defineFeature({
  name: 'settings',
  contract: settingsContract,
  handlers: settingsHandlers,
});
