import { defineFeature } from '../feature';
import { usersContract } from './shared/users.contract';
import { usersHandlers } from './users.handlers';

export const usersFeature = defineFeature({
  name: 'users',
  contract: usersContract,
  handlers: usersHandlers,
});
