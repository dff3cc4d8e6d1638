import { create } from 'zustand';
import type { BackupProgress, BackupStatus } from '../../../../electron/core/backup/shared/backup.contract';
import { call } from '../../api';

/** The core's event while a backup or a restore runs (to signed-in users with system.backup). */
export const BACKUP_PROGRESS_EVENT = 'backup.progress';

/** A progress event that ends a backup's work: its check, or its copy to the second location, is done. */
export function isFinalStep(p: BackupProgress): boolean {
  return (p.phase === 'check' || p.phase === 'second' || p.phase === 'restore') && p.done >= p.total;
}

interface BackupStatusState {
  status: BackupStatus | null;
  /** the latest backup.progress event (the shell listens; the page shows it), null when none runs */
  progress: BackupProgress | null;
  /** asks the core when the last good backup was made (the status bar, the page's header, the badge) */
  refresh(): Promise<BackupStatus | null>;
  setProgress(progress: BackupProgress | null): void;
  clear(): void;
}

/** only the answer to the latest request is kept (a backup may finish while an older one is on its way) */
let latest = 0;

/** The backup status, shared by the shell's status bar, the menu badge and the backup page. */
export const useBackupStatus = create<BackupStatusState>()((set) => ({
  status: null,
  progress: null,
  refresh: async () => {
    const ticket = ++latest;
    try {
      const status = await call('backup.status', {});
      if (ticket === latest) set({ status });
      return status;
    } catch {
      // the status bar is a hint: without an answer it stays as it was
      return null;
    }
  },
  setProgress: (progress) => set({ progress }),
  clear: () => {
    latest++;
    set({ status: null, progress: null });
  },
}));
