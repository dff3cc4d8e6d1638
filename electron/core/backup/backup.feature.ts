import { defineFeature } from '../feature';
import { backupHandlers } from './backup.handlers';
import { backupTimer } from './schedule';
import { backupContract } from './shared/backup.contract';

export const backupFeature = defineFeature({
  name: 'backup',
  contract: backupContract,
  handlers: backupHandlers,
  timers: [backupTimer],
});
