/** Which Code 128 reader a browser gets: its own when it reads code_128, else zxing-wasm. */
export type DecoderKind = 'native' | 'zxing';

/** `formats`: what the native BarcodeDetector supports, or null when there is none (or it failed). */
export function chooseDecoder(formats: readonly string[] | null): DecoderKind {
  return formats?.includes('code_128') ? 'native' : 'zxing';
}
