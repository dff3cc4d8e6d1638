import zlib from 'node:zlib';
import type { Plugin } from 'vite';

/** A PNG file: 8-bit RGBA rows (filter 0), deflated, with the chunks' CRCs. */
function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** the icon: white barcode bars on the app's blue, inside the maskable safe zone */
const BARS = [1, 0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 1];
export function iconPng(size: number): Buffer {
  const blue: [number, number, number, number] = [22, 119, 255, 255];
  const white: [number, number, number, number] = [255, 255, 255, 255];
  const lo = Math.round(size * 0.28);
  const hi = Math.round(size * 0.72);
  return png(size, (x, y) => {
    if (x < lo || x >= hi || y < lo || y >= hi) return blue;
    const bar = Math.floor(((x - lo) / (hi - lo)) * BARS.length);
    return BARS[bar] ? white : blue;
  });
}

/** Emits the phone page's icons (icon-192.png, icon-512.png) into the build: no binary in the repository. */
export function mobileIcons(): Plugin {
  return {
    name: 'kehu-mobile-icons',
    apply: 'build',
    generateBundle() {
      for (const size of [192, 512]) this.emitFile({ type: 'asset', fileName: `icon-${size}.png`, source: iconPng(size) });
    },
  };
}
