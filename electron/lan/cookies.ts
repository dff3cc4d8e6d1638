/** The LAN listener's cookies: Secure (HTTPS only), HttpOnly, SameSite=Strict, the whole site. */
export const LAN_SESSION_COOKIE_OPTS = { httpOnly: true, sameSite: 'strict', path: '/', secure: true } as const;

/** A paired browser's device secret (a paired PC's app sends it as DEVICE_SECRET_HEADER instead). */
export const DEVICE_COOKIE = 'kh_device';
export const DEVICE_SECRET_HEADER = 'x-device-secret';
/** Chrome keeps a cookie at most 400 days: the browser stays paired as long as it may */
export const DEVICE_COOKIE_OPTS = { ...LAN_SESSION_COOKIE_OPTS, maxAge: 400 * 86_400 } as const;
