import { create } from 'zustand';
import type { StorageFault } from '../../../electron/core/system/shared/system.contract';
import { send } from '../api/transport';

/**
 * The storage fault the core is in (full disk, read-only data, damaged file), or null: set at
 * start, or when a call runs into it while the app is open. While set, the fault page replaces the app.
 */
export const useStorageFault = create<{ fault: StorageFault | null }>()(() => ({ fault: null }));

/** Asks the core (`system.fault`, public) whether it is in a fault and shows the fault page if so. */
export async function checkStorageFault(): Promise<StorageFault | null> {
  const result = await send('system.fault', {});
  if (!result.ok) throw result.error;
  const fault = (result.data as StorageFault | null) ?? null;
  useStorageFault.setState({ fault });
  return fault;
}
