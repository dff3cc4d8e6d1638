import { requireActor } from '../actor';
import type { Channel } from '../shared/contract';
import { type Handler, poolRead } from '../handler';
import { keepCandidates, listCandidates } from './review.candidates';
import type { ReviewRun, reviewContract } from './shared/review.contract';
import type { ReviewJob } from './review.jobs';
import { listRuns } from './review.runs';
import { reviewStatus } from './review.service';
import { reviewSettingsView, updateReviewSettings } from './review.settings';

export const reviewHandlers: { [C in keyof typeof reviewContract & Channel]: Handler<C> } = {
  'review.getSettings': ({ core }) => reviewSettingsView(core),
  'review.updateSettings': ({ core, actor }, input) => updateReviewSettings(core, requireActor(actor), input),
  'review.status': poolRead(({ core }) => reviewStatus(core)),
  'review.start': ({ core, actor }) => {
    const a = requireActor(actor);
    const job: ReviewJob = { dbFile: core.sqlite.name, actor: a, at: core.clock.now().toISOString() };
    return core.jobs.run<ReviewRun>('review.run', job, { userId: a.id });
  },
  'review.candidates': poolRead(({ core }, input) => listCandidates(core, input)),
  'review.keep': ({ core, actor }, input) => keepCandidates(core, requireActor(actor), input),
  'review.runs': poolRead(({ core }, input) => listRuns(core, input.page, input.pageSize)),
};
