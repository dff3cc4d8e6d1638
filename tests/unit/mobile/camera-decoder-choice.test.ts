import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemBeforeStart, problemOf } from '../../../renderer/src/mobile/camera/camera-errors';
import { localWasm } from '../../../renderer/src/mobile/camera/decoder';
import { chooseDecoder } from '../../../renderer/src/mobile/camera/format-choice';

const root = path.resolve(__dirname, '../../..');
const version = (dir: string) => JSON.parse(fs.readFileSync(path.join(root, dir, 'package.json'), 'utf8')).version;

describe('camera decoder choice', () => {
  it('the native BarcodeDetector only where it reads code_128, zxing-wasm otherwise', () => {
    expect(chooseDecoder(['qr_code', 'code_128', 'ean_13'])).toBe('native');
    expect(chooseDecoder(['qr_code', 'ean_13'])).toBe('zxing'); // e.g. a desktop with QR only
    expect(chooseDecoder([])).toBe('zxing'); // macOS Chrome without the OS reader
    expect(chooseDecoder(null)).toBe('zxing'); // no BarcodeDetector at all
  });

  it("the wasm's URL is always our own asset, whatever the package proposes", () => {
    const locate = localWasm('/m/assets/zxing_reader-abc123.wasm');
    expect(locate('zxing_reader.wasm', 'https://fastly.jsdelivr.net/npm/zxing-wasm@3.1.3/dist/reader/')).toBe(
      '/m/assets/zxing_reader-abc123.wasm',
    );
    expect(locate('zxing_reader.data', '/m/assets/')).toBe('/m/assets/zxing_reader.data');
  });

  it("the zxing-wasm the app bundles the .wasm from is the version barcode-detector's glue was built for", () => {
    // barcode-detector carries zxing-wasm's JS inline; a .wasm of another version does not match it
    const wanted = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/barcode-detector/package.json'), 'utf8'))
      .dependencies['zxing-wasm'];
    expect(version('node_modules/zxing-wasm')).toBe(wanted);
  });
});

describe('camera problems', () => {
  it('an http page on the LAN gets no camera: said before asking', () => {
    expect(problemBeforeStart({ isSecureContext: false, hasGetUserMedia: false })).toBe('insecure');
    expect(problemBeforeStart({ isSecureContext: true, hasGetUserMedia: false })).toBe('unsupported');
    expect(problemBeforeStart({ isSecureContext: true, hasGetUserMedia: true })).toBeNull();
  });

  it("getUserMedia's refusals map to the message the user can act on", () => {
    expect(problemOf(new DOMException('no', 'NotAllowedError'))).toBe('denied');
    expect(problemOf(new DOMException('no', 'SecurityError'))).toBe('denied');
    expect(problemOf(new DOMException('none', 'NotFoundError'))).toBe('noCamera');
    expect(problemOf(new DOMException('busy', 'NotReadableError'))).toBe('busy');
    expect(problemOf(new Error('odd'))).toBe('failed');
    expect(problemOf(null)).toBe('failed');
  });
});
