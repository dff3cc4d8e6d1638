import { requireActor } from '../actor';
import type { HandlersOf } from '../handler';
import { listDevices, renameDevice, revokeDevice } from './devices';
import { configureNetwork, networkStatus } from './network.service';
import { cancelPairing, createPairing, pairingState } from './pairing';
import type { networkContract } from './shared/network.contract';

export const networkHandlers: HandlersOf<typeof networkContract> = {
  'network.status': ({ core }) => networkStatus(core),
  'network.configure': ({ core, actor }, input) => configureNetwork(core, requireActor(actor), input),
  'network.pairStart': ({ core, actor }, input) => createPairing(core, requireActor(actor), input),
  'network.pairing': ({ core }, input) => pairingState(core, input.pairingId),
  'network.pairCancel': ({ core, actor }, input) => cancelPairing(core, requireActor(actor), input.pairingId),
  'network.devices': ({ core }) => listDevices(core),
  'network.renameDevice': ({ core, actor }, input) =>
    renameDevice(core, requireActor(actor), input.deviceId, input.name),
  'network.revoke': ({ core, actor }, input) => revokeDevice(core, requireActor(actor), input.deviceId, input.reason),
};
