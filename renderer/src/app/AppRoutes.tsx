import { lazy, Suspense, useEffect } from 'react';
import { LoginPage } from '../features/auth/LoginPage';
import { useSession } from '../stores/session';
import { useStorageFault } from '../stores/storageFault';
import { boot, firstBoot } from './boot';
import { BootFailed, BootScreen } from './BootScreen';
import { currentLocale } from './locale';
import { loadFeatureTexts } from './texts';

// The first chunk holds what the sign-in screen shows; the signed-in app (shell, menu, routes),
// setup and the fault page are chunks of their own. The app's chunk is fetched once the sign-in
// screen is up, while the person types, so signing in does not wait for it.
const loadSignedIn = () => Promise.all([import('./router'), loadFeatureTexts(currentLocale())]).then(([m]) => m);
const SignedInRoutes = lazy(() => loadSignedIn().then((m) => ({ default: m.SignedInRoutes })));
// setup is shown once, on the first start: not part of the sign-in screen's chunk
const SetupPage = lazy(() => import('../features/auth/SetupPage').then((m) => ({ default: m.SetupPage })));
const StorageFaultPage = lazy(() => import('./StorageFaultPage').then((m) => ({ default: m.StorageFaultPage })));

function prefetchSignedIn(): void {
  const later = window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 200));
  later(() => void loadSignedIn().catch(() => null), { timeout: 1_000 });
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

  if (fault) {
    return (
      <Suspense fallback={<BootScreen />}>
        <StorageFaultPage fault={fault} />
      </Suspense>
    );
  }
  switch (phase) {
    case 'booting':
      return <BootScreen />;
    case 'bootFailed':
      return <BootFailed onRetry={() => void boot()} />;
    case 'setup':
      return (
        <Suspense fallback={<BootScreen />}>
          <SetupPage />
        </Suspense>
      );
    case 'login':
      return <LoginPage />;
    default:
      return (
        <Suspense fallback={<BootScreen />}>
          <SignedInRoutes />
        </Suspense>
      );
  }
}
