import { defineFeature } from '../feature';
import { customersHandlers } from './customers.handlers';
import { customersContract } from './shared/customers.contract';

export const customersFeature = defineFeature({
  name: 'customers',
  contract: customersContract,
  handlers: customersHandlers,
});
