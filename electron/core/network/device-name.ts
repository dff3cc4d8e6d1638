import type { DeviceKind } from './shared/network.contract';

/**
 * A device's name when the admin gave none, from its browser's user agent: "iPhone (Safari)",
 * "Android 手机 (Chrome)", "Windows 电脑 (Edge)". Data, like a name typed in; kept short.
 */
export function deviceNameFrom(userAgent: string | null, kind: DeviceKind): string {
  const ua = userAgent ?? '';
  const system = /iPhone/.test(ua)
    ? 'iPhone'
    : /iPad/.test(ua)
      ? 'iPad'
      : /Android/.test(ua)
        ? /Mobile/.test(ua)
          ? 'Android 手机'
          : 'Android 平板'
        : /Windows/.test(ua)
          ? 'Windows 电脑'
          : /Macintosh|Mac OS X/.test(ua)
            ? 'Mac 电脑'
            : /Linux|X11/.test(ua)
              ? 'Linux 电脑'
              : kind === 'desktop'
                ? '办公室电脑'
                : '浏览器';
  const app = /Electron\//.test(ua)
    ? '客户管理'
    : /MicroMessenger/.test(ua)
      ? '微信'
      : /EdgA?\/|EdgiOS/.test(ua)
        ? 'Edge'
        : /Firefox\/|FxiOS/.test(ua)
          ? 'Firefox'
          : /Chrome\/|CriOS/.test(ua)
            ? 'Chrome'
            : /Safari\//.test(ua)
              ? 'Safari'
              : null;
  return app ? `${system} (${app})` : system;
}
