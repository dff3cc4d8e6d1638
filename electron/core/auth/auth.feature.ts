import { defineFeature } from '../feature';
import { authHandlers } from './auth.handlers';
import { authContract } from './shared/auth.contract';

export const authFeature = defineFeature({
  name: 'auth',
  contract: authContract,
  handlers: authHandlers,
});
