import { lazy, Suspense, useEffect } from 'react';
import { LoginPage } from '../features/auth/LoginPage';
import { useSession } from '../stores/session';
import { useStorageFault } from '../stores/storageFault';
import { firstBoot } from './boot';
import { BootScreen } from './BootScreen';

// The first chunk holds what the sign-in screen shows, without antd's code (LoginPage draws antd's
// markup); every other screen comes with antd in a chunk of its own (AntdScreens.tsx), fetched once
// the sign-in screen is up, while the person types, so signing in does not wait for it.
const loadScreens = () => import('./AntdScreens');
const AntdScreens = lazy(() => loadScreens().then((m) => ({ default: m.AntdScreens })));

function prefetchSignedIn(): void {
  const later = window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 200));
  later(() => void loadScreens().then((m) => m.loadSignedIn()).catch(() => null), { timeout: 1_000 });
}

/**
 * Asks the core whether the data can be used (else the fault page explains why, also when a call
 * finds the data damaged later), then who is signed in, then shows setup, sign-in or the app.
 */
export function AppRoutes() {
  const phase = useSession((s) => s.phase);
  // found at start, or by any call later (api/client.ts asks system.fault)
  const fault = useStorageFault((s) => s.fault);

  // normally done before the first render (main.tsx); a retry after bootFailed boots again
  useEffect(() => {
    void firstBoot();
  }, []);

  const signedOut = phase === 'login' || phase === 'setup';
  useEffect(() => {
    if (signedOut) prefetchSignedIn();
  }, [signedOut]);

  if (!fault && phase === 'login') return <LoginPage />;
  if (!fault && phase === 'booting') return <BootScreen />;
  return (
    <Suspense fallback={<BootScreen />}>
      <AntdScreens />
    </Suspense>
  );
}
