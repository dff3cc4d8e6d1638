import { z } from 'zod';
import { channel } from '../../shared/contract-kit';

/**
 * 办公室网络 (office network): this PC holds the archive and serves it to the office's other PCs
 * and phones over HTTPS from a certificate authority of its own, to paired devices only; each
 * person still signs in with their own account. The loopback host and its launch token stay as
 * they are. The core's side is electron/core/network/ (settings, certificates, pairings, devices),
 * the listener is electron/lan/, the page is renderer/src/features/network/.
 */
const manage = { permission: 'system.network' } as const;

/** How long a pairing code admits a device. */
export const PAIRING_MINUTES = 5;
/** Short codes: 8 characters of an alphabet without look-alikes (no 0/O, 1/I/L), shown as XXXX-XXXX. */
export const SHORT_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const SHORT_CODE_LENGTH = 8;
/** The server certificate's longest life (Apple's limit for a TLS server certificate). */
export const SERVER_CERT_MAX_DAYS = 825;
/** A server certificate is made anew this many days before it ends. */
export const SERVER_CERT_RENEW_DAYS = 30;
export const DEFAULT_LAN_PORT = 5443;
/** The plain-HTTP trust page (the CA certificate and how to trust it; nothing else). */
export const DEFAULT_TRUST_PORT = 5080;

export const DEVICE_KINDS = ['browser', 'desktop'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

const port = z
  .number('validation.required')
  .int('validation.range')
  .min(1024, 'validation.range')
  .max(65535, 'validation.range');
const ipv4 = z
  .string()
  .trim()
  .regex(/^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/, 'network.errors.address');

/** What the admin chooses (the `network.lan` setting). */
export const lanSettingsSchema = z
  .object({
    enabled: z.boolean(),
    /** the IPv4 address to serve on (one of this PC's); null until chosen */
    address: ipv4.nullable(),
    port,
    trustPort: port,
  })
  .strict()
  .refine((s) => s.port !== s.trustPort, { path: ['trustPort'], message: 'network.errors.samePort' })
  .refine((s) => !s.enabled || s.address !== null, { path: ['address'], message: 'network.errors.addressRequired' });
export type LanSettings = z.infer<typeof lanSettingsSchema>;

export const networkStatusSchema = z.object({
  settings: lanSettingsSchema,
  /** this PC's IPv4 addresses now (os.networkInterfaces), loopback last */
  addresses: z.array(z.object({ address: z.string(), interface: z.string(), internal: z.boolean() })),
  /** the listener's state as the shell reports it (electron/lan): 'off' | 'running' | 'failed' */
  listener: z.object({
    state: z.enum(['off', 'running', 'failed']),
    /** https://address:port/ when running */
    url: z.string().nullable(),
    /** http://address:trustPort/ when running */
    trustUrl: z.string().nullable(),
    /** why it failed (an OS error code such as EADDRINUSE / EADDRNOTAVAIL), null otherwise */
    error: z.string().nullable(),
  }),
  /** the local certificate authority: SHA-256 of its certificate (hex, colon-separated), null before it is made */
  caFingerprint: z.string().nullable(),
  /** the current server certificate: its addresses, end and the SHA-256 of its public key (base64, for pinning) */
  serverCert: z.object({ addresses: z.array(z.string()), notAfter: z.string(), spkiSha256: z.string() }).nullable(),
});
export type NetworkStatus = z.infer<typeof networkStatusSchema>;

export const deviceSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(DEVICE_KINDS),
  address: z.string().nullable(),
  userAgent: z.string().nullable(),
  pairedAt: z.string(),
  pairedByName: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedByName: z.string().nullable(),
  revokeReason: z.string().nullable(),
  /** signed-in sessions on it now */
  sessions: z.number().int(),
});
export type Device = z.infer<typeof deviceSchema>;

const deviceName = z.string().trim().min(1, 'validation.required').max(60, 'validation.tooLong');

/** The network's channels. */
export const networkContract = {
  /** The settings, this PC's addresses, the listener's state, the CA and the server certificate. */
  'network.status': channel({ access: manage, input: z.object({}).strict(), output: networkStatusSchema }),
  /**
   * Saves the settings (the listener starts, moves or stops at once); a server certificate for the
   * chosen address is made when the current one does not name it.
   */
  'network.configure': channel({ writes: true, access: manage, input: lanSettingsSchema, output: networkStatusSchema }),
  /**
   * 添加设备: a one-time pairing (PAIRING_MINUTES): the address to open (the QR code's text: it
   * carries the token and the server certificate's public-key hash) and a short code to type.
   * Refused while serving is off.
   */
  'network.pairStart': channel({
    writes: true,
    access: manage,
    input: z.object({ kind: z.enum(DEVICE_KINDS), name: deviceName.nullable() }).strict(),
    output: z.object({
      pairingId: z.number().int(),
      /** https://address:port/pair#t=<token>&spki=<hash>: what the QR code holds */
      url: z.string(),
      /** XXXX-XXXX */
      shortCode: z.string(),
      expiresAt: z.string(),
      /** the server certificate's public-key hash, for the person to compare */
      spkiSha256: z.string(),
    }),
  }),
  /** Whether a pairing was used (the dialog closes itself when the device has paired). */
  'network.pairing': channel({
    access: manage,
    input: z.object({ pairingId: z.number().int().positive() }).strict(),
    output: z.object({ state: z.enum(['waiting', 'paired', 'expired']), device: deviceSchema.nullable() }),
  }),
  /**
   * 取消 in the pairing dialog: the code shown stops working at once (it would otherwise stay valid
   * for its minutes). A used or expired pairing stays as it is; the answer says which it is now.
   */
  'network.pairCancel': channel({
    writes: true,
    access: manage,
    input: z.object({ pairingId: z.number().int().positive() }).strict(),
    output: z.object({ state: z.enum(['waiting', 'paired', 'expired']), device: deviceSchema.nullable() }),
  }),
  /** 设备: every paired device, revoked ones last. */
  'network.devices': channel({ access: manage, input: z.object({}).strict(), output: z.array(deviceSchema) }),
  'network.renameDevice': channel({
    writes: true,
    access: manage,
    input: z.object({ deviceId: z.number().int().positive(), name: deviceName }).strict(),
    output: deviceSchema,
  }),
  /** 撤销: the device is refused from its next call on, and its sessions end at once. */
  'network.revoke': channel({
    writes: true,
    access: manage,
    input: z
      .object({
        deviceId: z.number().int().positive(),
        reason: z.string().trim().max(200, 'validation.tooLong').nullable(),
      })
      .strict(),
    output: deviceSchema,
  }),
} as const;
