import type { LaunchBridge } from '../../../../../electron/core/network/shared/launch-bridge';

/** The launcher's bridge (electron/preload.ts, on our page at #launcher) when this page is the desktop app's launcher. */
export function launchBridge(): LaunchBridge | undefined {
  const w = window as unknown as { launch?: LaunchBridge };
  return typeof w.launch !== 'undefined' ? w.launch : undefined;
}
