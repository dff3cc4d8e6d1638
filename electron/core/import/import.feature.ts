import { defineFeature } from '../feature';
import { importJobs } from './import.jobs';
import { customerImportHandlers } from './import.handlers';
import { customerImportContract } from './shared/import.contract';

export const importFeature = defineFeature({
  name: 'import',
  contract: customerImportContract,
  handlers: customerImportHandlers,
  jobs: importJobs,
});
