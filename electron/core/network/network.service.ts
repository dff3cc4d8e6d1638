import type { Actor } from '../actor';
import { diffFields, writeLog } from '../audit/audit.log';
import type { Core } from '../core';
import { InvalidField } from '../errors';
import { inTransaction } from '../transaction';
import { isLoopback, localAddresses } from './addresses';
import { credentialsDue, networkDir, readCaCert, readServerCert } from './certs';
import { listenerState } from './listener-state';
import { issueCredentials } from './network.jobs';
import { LAN_SETTING, readLanSettings } from './settings';
import type { LanSettings, NetworkStatus } from './shared/network.contract';

/** Emitted by network.configure with the saved LanSettings: the listener starts, moves or stops. */
export const SETTINGS_CHANGED_EVENT = 'network.settingsChanged';

/** 办公室网络's page: the settings, this PC's addresses, the listener, the CA and the server certificate. */
export function networkStatus(core: Core): NetworkStatus {
  const dir = networkDir(core.dataDir);
  return {
    settings: readLanSettings(core),
    addresses: localAddresses(),
    listener: listenerState(core),
    caFingerprint: readCaCert(dir)?.fingerprint ?? null,
    serverCert: readServerCert(dir),
  };
}

/**
 * Saves the settings. Serving needs one of this PC's current IPv4 addresses (or a 127.x.x.x
 * loopback one: tests and a one-PC trial); turning serving off is always accepted. When serving,
 * the certificate for the address is made first (in the job thread): a failure saves nothing.
 * Then the setting and its log row in one transaction, and `network.settingsChanged`.
 */
export async function configureNetwork(core: Core, actor: Actor, next: LanSettings): Promise<NetworkStatus> {
  if (next.enabled && next.address !== null) {
    const address = next.address;
    if (!isLoopback(address) && !localAddresses().some((a) => a.address === address)) {
      throw InvalidField('address', 'network.errors.address');
    }
    if (credentialsDue(networkDir(core.dataDir), address, core.clock.now())) {
      await issueCredentials(core, address);
      await core.writes.wait(); // a long writer may have taken the lock while the job ran
    }
  }
  inTransaction(core, () => {
    const before = readLanSettings(core);
    const now = core.clock.now();
    core.settings.put(LAN_SETTING, next, now, actor.id);
    const changes = diffFields(before, next, ['enabled', 'address', 'port', 'trustPort']);
    if (Object.keys(changes).length) {
      writeLog(core.db, now, actor, { entity: 'settings', entityId: LAN_SETTING.key, action: 'update', changes });
    }
  });
  core.events.emit({ name: SETTINGS_CHANGED_EVENT, payload: readLanSettings(core), internal: true });
  return networkStatus(core);
}
