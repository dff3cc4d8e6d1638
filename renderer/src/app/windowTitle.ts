import { create } from 'zustand';

/**
 * What follows the app's name in the window title (document.title; the Electron window's title
 * follows it): the status bar puts the last backup's age there while someone is signed in.
 */
export const useWindowTitle = create<{ suffix: string | null }>()(() => ({ suffix: null }));

export function windowTitle(appTitle: string, suffix: string | null): string {
  return suffix ? `${appTitle} — ${suffix}` : appTitle;
}
