import { call } from '../api/client';
import { useSession } from '../stores/session';
import { checkStorageFault } from '../stores/storageFault';
import { applyLocale } from './locale';

/**
 * Asks the core whether the data can be used (else the fault page explains why), then who is
 * signed in, and sets the session's phase (setup, login, ready, or bootFailed).
 */
export async function boot(): Promise<void> {
  useSession.setState({ phase: 'booting' });
  try {
    // both questions at once (one round trip less before the first screen); who is signed in
    // counts only when the data can be used
    const asked = call('auth.status', {});
    asked.catch(() => null);
    if (await checkStorageFault()) return;
    const status = await asked;
    if (status.user) applyLocale(status.user.locale);
    useSession.getState().applyStatus(status);
  } catch {
    useSession.getState().bootFailed();
  }
}

let first: Promise<void> | null = null;

/**
 * The boot at start, asked once: main.tsx starts it as the scripts run, beside the texts, and
 * renders when both are in, so the first render is already the sign-in screen (no render of the
 * skeleton in between, no round trip after it).
 */
export function firstBoot(): Promise<void> {
  first ??= boot();
  return first;
}
