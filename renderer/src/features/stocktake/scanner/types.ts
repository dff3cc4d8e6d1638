import type { ChannelInput, ChannelOutput } from '../../../../../electron/core/shared/contract';

/**
 * The agreement between the scanner input (this folder) and the counting screen. A USB scanner is
 * a keyboard that types a code in a burst (about 4-16 ms per character, gaps up to ~50 ms) and
 * then Enter or Tab; with a Chinese input method on, its keys arrive as keyCode 229 /
 * `Process` / `Unidentified` and composition events. The capture reads keystrokes outside React
 * state, tells a burst from typing by the events' own `timeStamp`, and hands over whole codes.
 */

/** Per PC (kept in localStorage): how this office's scanners are set up. */
export interface ScannerSettings {
  /** characters the scanner puts before every code (stripped), '' for none */
  prefix: string;
  /** characters it puts after the code, before the terminator (stripped) */
  suffix: string;
  /** the key that ends a code */
  terminator: 'enter' | 'tab' | 'either';
  /** longest gap between two keys of one burst, ms (default 50) */
  maxGapMs: number;
  /** shortest code a burst may be (default 3) */
  minLength: number;
  /** feedback sounds on */
  sound: boolean;
}

export const DEFAULT_SCANNER_SETTINGS: ScannerSettings = {
  prefix: '',
  suffix: '',
  terminator: 'either',
  maxGapMs: 50,
  minLength: 3,
  sound: true,
};

/** One code read from the keyboard stream. */
export interface CapturedScan {
  /** normalised: NFKC (full-width → half-width), prefix/suffix stripped, no whitespace */
  code: string;
  /** a burst recognised by its timing (scanner), or typed and confirmed with Enter in the scan field (keyboard) */
  source: 'scanner' | 'keyboard';
  /** the terminating key event's timeStamp (performance time origin), for feedback latency */
  endedAt: number;
  /** wall-clock time of the terminator, UTC ISO (the scan's scannedAt) */
  scannedAt: string;
  /** keys of the burst and its span first key → terminator, ms */
  keys: number;
  spanMs: number;
}

/** What useScanCapture needs from the page. */
export interface ScanCaptureOptions {
  /** false while the page is not counting (a dialog that must type freely may still be open: bursts are routed anyway) */
  enabled: boolean;
  settings: ScannerSettings;
  /** the scan field: typed text confirmed with Enter there is a 'keyboard' scan */
  fieldRef: { current: HTMLInputElement | null };
  onScan(scan: CapturedScan): void;
  /** optional (the scanner test in 设置): every key sequence ended by Enter/Tab, scan or not */
  onTrace?(trace: ScanTrace): void;
}

/**
 * How the page wires the scan field: `<Input {...SCAN_FIELD_PROPS} ref=…>` with fieldRef pointing
 * at its <input> (inputMode "none": no soft keyboard pops up on a touch screen), and NO Enter
 * handling of its own: the capture turns Enter in the scan field into a 'keyboard' scan and stops
 * the event before React sees it. The field's value is put back after each scan (an 'input'
 * event, so a controlled field's onChange sees it: the first two keys of a burst are typed before
 * the burst is recognised). The React side: useScanCapture(options) in useScanCapture.ts;
 * useScanQueue(stocktakeId) → { queue, items, pending } and getScanQueue(stocktakeId) (one queue
 * per stocktake for the window's life) in useScanQueue.ts; playFeedback(kind, settings.sound) in
 * feedbackSound.ts; useScannerSettings (zustand, localStorage) in scannerSettings.ts.
 */
export const SCAN_FIELD_PROPS = { inputMode: 'none', autoComplete: 'off', spellCheck: false } as const;

/** What the scanner test shows about one key sequence ended by a terminator. */
export interface ScanTrace {
  /** the characters as read from the keys, before normalisation */
  raw: string;
  code: string;
  /** ms between consecutive keys (from the events' timeStamp), then last key → terminator */
  gaps: number[];
  /** keyCode 229 / 'Process' / composition events were seen: an input method was on */
  ime: boolean;
  /** how the app took it: a scanner scan, a typed code confirmed in the scan field, or plain typing */
  recognized: 'scanner' | 'keyboard' | null;
}

export type ScanAck = ChannelOutput<'stocktake.scan'>;
export type ScanSend = ChannelInput<'stocktake.scan'>;

/** A scan waiting in the queue, or answered. */
export interface QueuedScan {
  clientId: string;
  code: string;
  source: ScanSend['source'];
  scannedAt: string;
  /** performance time of the terminator (feedback latency); NaN for a scan resent from storage after a reload */
  endedAt: number;
  state: 'pending' | 'sending' | 'acked' | 'failed';
  ack?: ScanAck;
  /** a refusal that resending cannot change (e.g. the stocktake is no longer counting): i18n key */
  errorKey?: string;
  /** taken back since (撤销 in 最近扫描) */
  undone?: boolean;
}

/**
 * The scan queue of one stocktake on this device: scans are sent in order, up to two at once
 * (two scans of the same code one after the other), each with its client id; an unanswered one is kept in localStorage and resent (after a network
 * error, a reload or a crash of the window) until the core answers. Never dropped, split, merged
 * or doubled: the core answers a resent client id from its stored row.
 */
export interface ScanQueue {
  push(
    scan: CapturedScan | { code: string; source: 'keyboard' | 'search'; endedAt: number; scannedAt: string },
  ): QueuedScan;
  /** pending + sending */
  pendingCount(): number;
  /** the scan was taken back (its row reads 已撤销); a scan no longer listed is ignored */
  markUndone(clientId: string): void;
  /** newest first, at most 50 (this device's) */
  items(): readonly QueuedScan[];
  /** the scan answered last (acked or refused), even when items() no longer lists it (a long backlog) */
  latestAnswer(): QueuedScan | undefined;
  subscribe(listener: () => void): () => void;
  dispose(): void;
}
