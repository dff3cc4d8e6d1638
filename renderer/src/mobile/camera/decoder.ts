import zxingWasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { chooseDecoder, type DecoderKind } from './format-choice';

/**
 * The camera's Code 128 reader: the browser's own `BarcodeDetector` where it reads code_128
 * (Chrome on Android, Safari 17+ on macOS), else the `barcode-detector` ponyfill over zxing-wasm
 * (Linux and Windows Chromium, Firefox, iOS Safari). The ponyfill and its ~0.9 MB `.wasm` are
 * loaded only when the camera opens, and the `.wasm` comes from our own host (bundled by vite
 * as an asset, `?url`): the package's default would fetch it from a CDN, which the override
 * below replaces before anything is loaded.
 */
export interface CodeReader {
  kind: DecoderKind;
  /** the Code 128 texts seen in the frame (empty when none) */
  read(frame: CanvasImageSource): Promise<string[]>;
}

/** The native Barcode Detection API (not in TypeScript's DOM types yet). */
interface NativeDetector {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}
interface NativeDetectorClass {
  new (options: { formats: string[] }): NativeDetector;
  getSupportedFormats(): Promise<string[]>;
}

async function nativeFormats(): Promise<string[] | null> {
  const Native = (globalThis as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector;
  if (!Native) return null;
  try {
    return await Native.getSupportedFormats();
  } catch {
    return null;
  }
}

async function nativeReader(): Promise<CodeReader> {
  const Native = (globalThis as unknown as { BarcodeDetector: NativeDetectorClass }).BarcodeDetector;
  const detector = new Native({ formats: ['code_128'] });
  return { kind: 'native', read: async (frame) => (await detector.detect(frame)).map((b) => b.rawValue) };
}

/** The `.wasm` URL the module asks for is always ours: never the package's CDN default. */
export function localWasm(wasmUrl: string) {
  return (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path);
}

async function zxingReader(): Promise<CodeReader> {
  const { BarcodeDetector, prepareZXingModule } = await import('barcode-detector/ponyfill');
  // loads (and compiles) the wasm now, from our host, so a failure shows when the camera opens
  await prepareZXingModule({ overrides: { locateFile: localWasm(zxingWasmUrl) }, fireImmediately: true });
  const detector = new BarcodeDetector({ formats: ['code_128'] });
  return { kind: 'zxing', read: async (frame) => (await detector.detect(frame)).map((b) => b.rawValue) };
}

/** Loads the reader this browser should use (once a page: later calls get the same). */
let loading: Promise<CodeReader> | null = null;
export function loadCodeReader(): Promise<CodeReader> {
  loading ??= (async () => (chooseDecoder(await nativeFormats()) === 'native' ? nativeReader() : zxingReader()))();
  loading.catch(() => {
    loading = null; // a failed load (offline before the wasm was cached) is tried again next time
  });
  return loading;
}
