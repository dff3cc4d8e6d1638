import type { Core } from '../core';
import type { Timer } from '../feature';
import { credentialsDue, networkDir } from './certs';
import { listenerState } from './listener-state';
import { issueCredentials } from './network.jobs';
import { SETTINGS_CHANGED_EVENT } from './network.service';
import { readLanSettings } from './settings';

/**
 * While serving, the server certificate is made anew before it ends (SERVER_CERT_RENEW_DAYS) or
 * when it does not name the serving address; the listener then hears `network.settingsChanged`
 * (the same settings) and takes the new certificate. Checked on every background tick: reading
 * one small file.
 */
async function renewCertificate(core: Core): Promise<void> {
  // the address being served (`--lan` may serve another than the saved one), else the saved one
  const served = listenerState(core);
  const lan = readLanSettings(core);
  const address =
    served.state === 'running' && served.url ? new URL(served.url).hostname : lan.enabled ? lan.address : null;
  if (!address) return;
  if (!credentialsDue(networkDir(core.dataDir), address, core.clock.now())) return;
  const made = await issueCredentials(core, address);
  if (made.renewed) core.events.emit({ name: SETTINGS_CHANGED_EVENT, payload: readLanSettings(core), internal: true });
}

export const certificateTimer: Timer = { name: 'network.certificate', run: renewCertificate };
