import { useSession } from '../../stores/session';
import { useBackupStatus } from './backupStatusStore';

/**
 * After a restore the core has ended every session (this one too): back to sign-in at once, with
 * the notice saying why, rather than on the next call that finds the session gone.
 */
export function afterRestore(): void {
  useBackupStatus.getState().clear();
  useSession.getState().expire('errors.sessionEndedRestored');
}
