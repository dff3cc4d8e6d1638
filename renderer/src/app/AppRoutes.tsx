import { useCallback, useEffect, useState } from 'react';
import type { StorageFault } from '../../../electron/core/system/system.contract';
import { call } from '../api';
import { LoginPage } from '../features/auth/LoginPage';
import { SetupPage } from '../features/auth/SetupPage';
import { useSession } from '../stores/session';
import { BootFailed, BootScreen } from './BootScreen';
import { applyLocale } from './locale';
import { SignedInRoutes } from './router';
import { StorageFaultPage } from './StorageFaultPage';

/**
 * Asks the core whether the data can be used (else the fault page explains why), then who is
 * signed in, then shows setup, sign-in or the app.
 */
export function AppRoutes() {
  const phase = useSession((s) => s.phase);
  const [fault, setFault] = useState<StorageFault | null>(null);

  const boot = useCallback(async () => {
    useSession.setState({ phase: 'booting' });
    try {
      const found = await call('system.fault', {});
      setFault(found);
      if (found) return;
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
