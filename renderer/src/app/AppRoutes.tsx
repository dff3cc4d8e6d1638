import { useCallback, useEffect } from 'react';
import { call } from '../api';
import { LoginPage } from '../features/auth/LoginPage';
import { SetupPage } from '../features/auth/SetupPage';
import { useSession } from '../stores/session';
import { checkStorageFault, useStorageFault } from '../stores/storageFault';
import { BootFailed, BootScreen } from './BootScreen';
import { applyLocale } from './locale';
import { SignedInRoutes } from './router';
import { StorageFaultPage } from './StorageFaultPage';

/**
 * Asks the core whether the data can be used (else the fault page explains why, also when a call
 * finds the data damaged later), then who is signed in, then shows setup, sign-in or the app.
 */
export function AppRoutes() {
  const phase = useSession((s) => s.phase);
  // found at start, or by any call later (api/client.ts asks system.fault)
  const fault = useStorageFault((s) => s.fault);

  const boot = useCallback(async () => {
    useSession.setState({ phase: 'booting' });
    try {
      if (await checkStorageFault()) return;
      const status = await call('auth.status', {});
      if (status.user) applyLocale(status.user.locale);
      useSession.getState().applyStatus(status);
    } catch {
      useSession.getState().bootFailed();
    }
  }, []);

  useEffect(() => {
    void boot();
  }, [boot]);

  if (fault) return <StorageFaultPage fault={fault} />;
  switch (phase) {
    case 'booting':
      return <BootScreen />;
    case 'bootFailed':
      return <BootFailed onRetry={boot} />;
    case 'setup':
      return <SetupPage />;
    case 'login':
      return <LoginPage />;
    default:
      return <SignedInRoutes />;
  }
}
