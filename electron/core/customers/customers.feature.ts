import { defineFeature } from '../feature';
import { customersHandlers } from './customers.handlers';
import { customersJobs } from './customers.jobs';
import { customersContract } from './shared/customers.contract';

export const customersFeature = defineFeature({
  name: 'customers',
  contract: customersContract,
  handlers: customersHandlers,
  jobs: customersJobs,
});
