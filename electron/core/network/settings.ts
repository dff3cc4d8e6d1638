import type { Core } from '../core';
import { defineSetting } from '../settings/settings.store';
import { DEFAULT_LAN_PORT, DEFAULT_TRUST_PORT, type LanSettings, lanSettingsSchema } from './shared/network.contract';

/** 办公室网络's setting (key `network.lan`): serving on or off, the address and the two ports. */
export const LAN_SETTING = defineSetting<LanSettings>({
  key: 'network.lan',
  schema: lanSettingsSchema,
  defaults: { enabled: false, address: null, port: DEFAULT_LAN_PORT, trustPort: DEFAULT_TRUST_PORT },
});

export const readLanSettings = (core: Core): LanSettings => core.settings.get(LAN_SETTING);
