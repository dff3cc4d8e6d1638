import { useEffect, useState } from 'react';
import { type ImportProgress, isImportProgress } from '../../../../electron/core/import/shared/import.contract';
import { JOB_PROGRESS_EVENT, type JobProgress } from '../../../../electron/core/jobs/shared/jobs.contract';
import { connectEvents } from '../../api/index';

/**
 * The latest progress event of the running import step (any upload of this user while `active`):
 * the core emits them from the job worker as it reads, checks, writes or exports.
 */
export function useImportProgress(active: boolean): ImportProgress | null {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  useEffect(() => {
    if (!active) {
      setProgress(null);
      return;
    }
    return connectEvents({
      [JOB_PROGRESS_EVENT]: (payload) => {
        const p = payload as JobProgress;
        if (isImportProgress(p)) setProgress(p);
      },
    });
  }, [active]);
  return progress;
}
