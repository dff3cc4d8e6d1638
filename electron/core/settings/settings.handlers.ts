import { requireActor } from '../actor';
import type { HandlersOf } from '../handler';
import { inTransaction } from '../transaction';
import type { settingsContract } from './shared/settings.contract';

export const settingsHandlers: HandlersOf<typeof settingsContract> = {
  'settings.getSecurity': ({ core }) => core.settings.getSecurity(),
  'settings.updateSecurity': ({ core, actor }, input) =>
    inTransaction(core, () => core.settings.updateSecurity(requireActor(actor), input, core.clock.now())),
};
