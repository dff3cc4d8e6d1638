import { defineFeature } from '../feature';
import { dueSchedulesTimer } from './schedule';
import { customerStatusContract } from './shared/status.contract';
import { customerStatusHandlers } from './status.handlers';

export const statusFeature = defineFeature({
  name: 'status',
  contract: customerStatusContract,
  handlers: customerStatusHandlers,
  timers: [dueSchedulesTimer],
});
