import { requireActor } from '../actor';
import type { Channel } from '../contract';
import type { Handler } from '../handler';
import { keepCandidates, listCandidates } from './review.candidates';
import type { reviewContract } from './review.contract';
import { listRuns } from './review.runs';
import { reviewStatus, startRun } from './review.service';
import { reviewSettingsView, updateReviewSettings } from './review.settings';

export const reviewHandlers: { [C in keyof typeof reviewContract & Channel]: Handler<C> } = {
  'review.getSettings': ({ core }) => reviewSettingsView(core),
  'review.updateSettings': ({ core, actor }, input) => updateReviewSettings(core, requireActor(actor), input),
  'review.status': ({ core }) => reviewStatus(core),
  'review.start': ({ core, actor }) => startRun(core, requireActor(actor)),
  'review.candidates': ({ core }, input) => listCandidates(core, input),
  'review.keep': ({ core, actor }, input) => keepCandidates(core, requireActor(actor), input),
  'review.runs': ({ core }, input) => listRuns(core, input.page, input.pageSize),
};
