/** The LAN listener's cookies: Secure (HTTPS only), HttpOnly, SameSite=Strict, the whole site. */
export const LAN_SESSION_COOKIE_OPTS = { httpOnly: true, sameSite: 'strict', path: '/', secure: true } as const;

/**
 * The LAN's cookie names carry the `__Host-` prefix: the browser keeps them only when set Secure,
 * for the whole site and for this host alone (no Domain), and they never mix with the loopback
 * host's `kh_session` when both serve on 127.0.0.1 (cookies ignore the port).
 */
export const LAN_SESSION_COOKIE = '__Host-kh_session';
/** A paired browser's device secret (a paired PC's app sends it as DEVICE_SECRET_HEADER instead). */
export const DEVICE_COOKIE = '__Host-kh_device';
export const DEVICE_SECRET_HEADER = 'x-device-secret';
/** Chrome keeps a cookie at most 400 days: the browser stays paired as long as it may */
export const DEVICE_COOKIE_OPTS = { ...LAN_SESSION_COOKIE_OPTS, maxAge: 400 * 86_400 } as const;
