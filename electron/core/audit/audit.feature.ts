import { defineFeature } from '../feature';
import { auditHandlers } from './audit.handlers';
import { auditContract } from './shared/audit.contract';

export const auditFeature = defineFeature({
  name: 'audit',
  contract: auditContract,
  handlers: auditHandlers,
});
