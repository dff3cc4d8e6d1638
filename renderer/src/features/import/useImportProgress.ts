import { useEffect, useState } from 'react';
import { IMPORT_PROGRESS_EVENT, type ImportProgress } from '../../../../electron/core/import/shared/import.contract';
import { connectEvents } from '../../api/index';

/**
 * The latest progress event of the running step (any upload of this user while `active`):
 * the core emits them from the worker as it reads, checks, writes or exports.
 */
export function useImportProgress(active: boolean): ImportProgress | null {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  useEffect(() => {
    if (!active) {
      setProgress(null);
      return;
    }
    return connectEvents({ [IMPORT_PROGRESS_EVENT]: (payload) => setProgress(payload as ImportProgress) });
  }, [active]);
  return progress;
}
