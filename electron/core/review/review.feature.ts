import { defineFeature } from '../feature';
import { reviewJobs } from './review.jobs';
import { reviewHandlers } from './review.handlers';
import { archiveRuleQueries } from './review.queries';
import { reviewContract } from './shared/review.contract';

export const reviewFeature = defineFeature({
  name: 'review',
  contract: reviewContract,
  handlers: reviewHandlers,
  reviewRules: archiveRuleQueries,
  jobs: reviewJobs,
});
