import { requireActor } from '../actor';
import type { Channel } from '../shared/contract';
import { runJob } from '../import/worker-client';
import type { Handler } from '../handler';
import { keepCandidates, listCandidates } from './review.candidates';
import type { ReviewRun, reviewContract } from './shared/review.contract';
import { listRuns } from './review.runs';
import { reviewStatus } from './review.service';
import { reviewSettingsView, updateReviewSettings } from './review.settings';

export const reviewHandlers: { [C in keyof typeof reviewContract & Channel]: Handler<C> } = {
  'review.getSettings': ({ core }) => reviewSettingsView(core),
  'review.updateSettings': ({ core, actor }, input) => updateReviewSettings(core, requireActor(actor), input),
  'review.status': ({ core }) => reviewStatus(core),
  'review.start': ({ core, actor }) => {
    const a = requireActor(actor);
    const job = { kind: 'review' as const, dbFile: core.sqlite.name, actor: a, at: core.clock.now().toISOString() };
    return runJob<ReviewRun>(core, job, { userId: a.id, uploadId: 'review' });
  },
  'review.candidates': ({ core }, input) => listCandidates(core, input),
  'review.keep': ({ core, actor }, input) => keepCandidates(core, requireActor(actor), input),
  'review.runs': ({ core }, input) => listRuns(core, input.page, input.pageSize),
};
