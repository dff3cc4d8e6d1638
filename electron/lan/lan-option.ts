import { isIPv4 } from 'node:net';

/**
 * `--lan ADDRESS[:PORT]` (npm run web): where to serve the office network's listener, whatever
 * the settings say. Throws a sentence for the console when it is not an IPv4 address and a port.
 */
export function parseLanOption(text: string): { address: string; port?: number } {
  const m = /^([\d.]+)(?::(\d{1,5}))?$/.exec(text.trim());
  const port = m?.[2] === undefined ? undefined : Number(m[2]);
  if (!m || !isIPv4(m[1]) || (port !== undefined && (port < 1 || port > 65535))) {
    throw new Error(`--lan 需要 IPv4 地址[:端口] / --lan takes ADDRESS[:PORT], an IPv4 address: ${text}`);
  }
  return port === undefined ? { address: m[1] } : { address: m[1], port };
}
