import { defineFeature } from '../feature';
import { networkHandlers } from './network.handlers';
import { networkJobs } from './network.jobs';
import { certificateTimer } from './network.timer';
import { networkContract } from './shared/network.contract';

/**
 * 办公室网络: the settings, the local CA and the server certificate (made in the job thread),
 * pairings and devices. The listener that serves the LAN is the shell's (electron/lan).
 */
export const networkFeature = defineFeature({
  name: 'network',
  contract: networkContract,
  handlers: networkHandlers,
  jobs: networkJobs,
  timers: [certificateTimer],
});
