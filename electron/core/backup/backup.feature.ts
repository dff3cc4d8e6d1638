import { defineFeature } from '../feature';
import { backupHandlers } from './backup.handlers';
import { backupContract } from './shared/backup.contract';

export const backupFeature = defineFeature({
  name: 'backup',
  contract: backupContract,
  handlers: backupHandlers,
});
