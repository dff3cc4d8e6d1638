import { createHash } from 'node:crypto';
import { escapeHtml } from './page';

/** A UUID (RFC 4122 layout, version 5 bits) derived from a name: the same name, the same UUID. */
export function stableUuid(name: string): string {
  const b = createHash('sha256').update(name, 'utf8').digest().subarray(0, 16);
  b[6] = (b[6] & 0x0f) | 0x50;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex').toUpperCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const CA_NAME = '客户管理 本地证书颁发机构';

/**
 * The CA certificate as an Apple configuration profile (iPhone, iPad): one
 * `com.apple.security.root` payload holding the DER. Its identifiers and UUIDs derive from the
 * CA's fingerprint, so downloading it again replaces the installed profile instead of adding one.
 */
export function caMobileconfig(caDer: Buffer, fingerprint: string): string {
  const id = fingerprint.replace(/:/g, '').toLowerCase();
  const b64 = caDer.toString('base64').replace(/.{1,64}/g, '$&\n');
  const name = escapeHtml(CA_NAME);
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>PayloadContent</key>
  <array>
    <dict>
      <key>PayloadCertificateFileName</key>
      <string>kehu-ca.crt</string>
      <key>PayloadContent</key>
      <data>
${b64}</data>
      <key>PayloadDescription</key>
      <string>${name}</string>
      <key>PayloadDisplayName</key>
      <string>${name}</string>
      <key>PayloadIdentifier</key>
      <string>local.kehu.ca.${id}.root</string>
      <key>PayloadType</key>
      <string>com.apple.security.root</string>
      <key>PayloadUUID</key>
      <string>${stableUuid(`kehu-ca-root:${id}`)}</string>
      <key>PayloadVersion</key>
      <integer>1</integer>
    </dict>
  </array>
  <key>PayloadDescription</key>
  <string>安装后，此设备信任办公室服务器的证书。 Installs the office server's certificate authority.</string>
  <key>PayloadDisplayName</key>
  <string>${name}</string>
  <key>PayloadIdentifier</key>
  <string>local.kehu.ca.${id}</string>
  <key>PayloadRemovalDisallowed</key>
  <false/>
  <key>PayloadType</key>
  <string>Configuration</string>
  <key>PayloadUUID</key>
  <string>${stableUuid(`kehu-ca-profile:${id}`)}</string>
  <key>PayloadVersion</key>
  <integer>1</integer>
</dict>
</plist>
`;
}
