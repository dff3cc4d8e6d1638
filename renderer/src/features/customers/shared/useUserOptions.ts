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
