import type { HandlersOf } from '../handler';
import type { systemContract } from './shared/system.contract';

export const systemHandlers: HandlersOf<typeof systemContract> = {
  'system.ping': ({ core }, input) => ({ echo: input.echo ?? null, at: core.clock.now().toISOString() }),
  'system.fault': ({ core }) => core.fault,
};
