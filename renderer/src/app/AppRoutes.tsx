import { useCallback, useEffect } from 'react';
import { call } from '../api';
import { LoginPage } from '../features/auth/LoginPage';
import { SetupPage } from '../features/auth/SetupPage';
import { useSession } from '../stores/session';
import { BootFailed, BootScreen } from './BootScreen';
import { applyLocale } from './locale';
import { SignedInRoutes } from './router';

/** Asks the core who is signed in, then shows setup, sign-in or the app. */
export function AppRoutes() {
  const phase = useSession((s) => s.phase);

  const boot = useCallback(async () => {
    useSession.setState({ phase: 'booting' });
    try {
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
