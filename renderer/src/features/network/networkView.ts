import {
  type LanSettings,
  lanSettingsSchema,
  type NetworkStatus,
} from '../../../../electron/core/network/shared/network.contract';

type Listener = NetworkStatus['listener'];

/** OS codes the page explains in words; any other code is shown as it is. */
const KNOWN_LISTEN_ERRORS = ['EADDRINUSE', 'EADDRNOTAVAIL', 'EACCES'] as const;

/**
 * Why the listener failed, as an i18n key and its params: a known OS code has its own sentence
 * (端口已被占用 …), another one is named (`network.status.failedOther`, `{ code }`).
 */
export function listenerErrorText(error: string | null): { key: string; params?: { code: string } } {
  const known = KNOWN_LISTEN_ERRORS.find((c) => c === error);
  if (known) return { key: `network.status.failedBecause.${known}` };
  return { key: 'network.status.failedOther', params: { code: error ?? '?' } };
}

/**
 * Whether the listener already does what the settings say (after a save the shell restarts it on
 * its own; the page reads the status again until this holds): on → running on the chosen address
 * and port, or failed; off → off.
 */
export function listenerSettled(settings: LanSettings, listener: Listener): boolean {
  if (!settings.enabled) return listener.state === 'off';
  if (listener.state === 'failed') return true;
  if (listener.state !== 'running' || !listener.url) return false;
  return listener.url.startsWith(`https://${settings.address}:${settings.port}/`);
}

export interface AddressOption {
  value: string;
  address: string;
  interface: string;
  /** 127.x: this PC only (trials, tests) */
  loopback: boolean;
  /** the saved address, which this PC no longer has (the router gave it another one) */
  gone: boolean;
}

/**
 * The 地址 select's options: this PC's IPv4 addresses as the core lists them (LAN first, loopback
 * last), and the saved address when the PC no longer has it (so the form shows what is saved).
 */
export function addressOptions(status: Pick<NetworkStatus, 'addresses' | 'settings'>): AddressOption[] {
  const options: AddressOption[] = status.addresses.map((a) => ({
    value: a.address,
    address: a.address,
    interface: a.interface,
    loopback: a.internal || a.address.startsWith('127.'),
    gone: false,
  }));
  const saved = status.settings.address;
  if (saved && !options.some((o) => o.address === saved)) {
    options.push({ value: saved, address: saved, interface: '', loopback: saved.startsWith('127.'), gone: true });
  }
  return options;
}

/** Whether this PC has no address other than loopback (it is on no network now). */
export function onlyLoopback(status: Pick<NetworkStatus, 'addresses'>): boolean {
  return status.addresses.every((a) => a.internal || a.address.startsWith('127.'));
}

/** The saved address, when this PC no longer has it (null when it has it, or none is saved). */
export function goneAddress(status: Pick<NetworkStatus, 'addresses' | 'settings'>): string | null {
  const saved = status.settings.address;
  return saved && !status.addresses.some((a) => a.address === saved) ? saved : null;
}

/**
 * A rule of the whole form that one field shows (two ports the same, serving on without an
 * address): the i18n key of the first issue lanSettingsSchema finds on `field` in `values`, or
 * null. Issues of the field's own type and range are left to its zodRule.
 */
export function crossFieldIssue(values: Partial<LanSettings>, field: keyof LanSettings): string | null {
  const candidate = {
    enabled: values.enabled ?? false,
    address: values.address ?? null,
    port: values.port,
    trustPort: values.trustPort,
  };
  const result = lanSettingsSchema.safeParse(candidate);
  if (result.success) return null;
  const issue = result.error.issues.find((i) => i.code === 'custom' && i.path[0] === field);
  return issue ? issue.message : null;
}

/**
 * A certificate fingerprint (hex bytes, colon-separated) in lines of 16 bytes, so that it wraps
 * between bytes and a person can compare it line by line with what a phone shows.
 */
export function fingerprintLines(fingerprint: string): string[] {
  const bytes = fingerprint.split(':');
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += 16) lines.push(bytes.slice(i, i + 16).join(':'));
  return lines;
}

/** What is left of a pairing code's time, `m:ss`, and the seconds (0 once it ended). */
export function remaining(expiresAt: string, now: number): { seconds: number; text: string } {
  const seconds = Math.max(0, Math.ceil((Date.parse(expiresAt) - now) / 1000));
  const text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return { seconds, text };
}

/** The address a person types when they cannot scan: the QR's URL without its secret fragment. */
export function pairPageUrl(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/** The server's address for another PC's app (https://address:port), from the QR's URL. */
export function serverOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return pairPageUrl(url);
  }
}
