import { useEffect, useMemo } from 'react';
import { create } from 'zustand';
import { call } from '../../../api';

interface UserOption {
  id: number;
  displayName: string;
}

interface UserOptionsState {
  items: UserOption[];
  loaded: boolean;
  load(): Promise<void>;
}

/** Active users to pick as 专管业务员 (loaded once per window). */
export const useUserOptions = create<UserOptionsState>()((set, get) => ({
  items: [],
  loaded: false,
  load: async () => {
    if (get().loaded) return;
    const { items } = await call('user.options', {});
    set({ items, loaded: true });
  },
}));

/** The active users as a Select's options (value: id, label: name), loaded on first use. */
export function useUserOptionItems(): { value: number; label: string }[] {
  const users = useUserOptions((s) => s.items);
  const load = useUserOptions((s) => s.load);
  useEffect(() => {
    void load().catch(() => undefined);
  }, [load]);
  return useMemo(() => users.map((u) => ({ value: u.id, label: u.displayName })), [users]);
}
