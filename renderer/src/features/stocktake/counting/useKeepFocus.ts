import { useCallback, useEffect } from 'react';

/** What a click may land on without the scan field taking the focus back. */
const INTERACTIVE =
  'input, textarea, select, button, a, label, [contenteditable="true"], [role="button"], [role="combobox"], [role="switch"], [role="checkbox"], [role="radio"], [role="tab"], [role="option"], [role="menuitem"], [role="dialog"], .ant-select, .ant-picker, .ant-modal-root, .ant-popover, .ant-dropdown, .ant-table-pagination';

/** True when a click on `target` should give the focus back to the scan field (empty space). */
export function isEmptySpace(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return true;
  if (target.closest(INTERACTIVE)) return false;
  // text the person may want to select or copy
  return !window.getSelection()?.toString();
}

/**
 * Keeps the scan field focused while counting: clicks on empty space, the window regaining focus
 * and a dialog closing (call `refocus` from its afterClose) give it back. Fields and dialogs the
 * person uses keep theirs (a scanner burst there is routed to the queue by the capture).
 */
export function useKeepFocus(fieldRef: { current: HTMLInputElement | null }, enabled: boolean) {
  const refocus = useCallback(() => {
    if (!enabled) return;
    // once the closing dialog is gone (its animation over, the focus handed back to its opener)
    let tries = 0;
    const attempt = () => {
      const dialogOpen = [...document.querySelectorAll<HTMLElement>('.ant-modal-wrap')].some((w) => w.getClientRects().length > 0);
      if (dialogOpen && tries++ < 20) setTimeout(attempt, 100);
      else if (!dialogOpen) fieldRef.current?.focus({ preventScroll: true });
    };
    requestAnimationFrame(attempt);
  }, [enabled, fieldRef]);

  useEffect(() => {
    if (!enabled) return;
    const onClick = (e: MouseEvent) => {
      if (isEmptySpace(e.target)) refocus();
    };
    const onWindowFocus = () => {
      const active = document.activeElement;
      if (!active || active === document.body) refocus();
    };
    document.addEventListener('click', onClick);
    window.addEventListener('focus', onWindowFocus);
    fieldRef.current?.focus({ preventScroll: true });
    return () => {
      document.removeEventListener('click', onClick);
      window.removeEventListener('focus', onWindowFocus);
    };
  }, [enabled, refocus, fieldRef]);
  return refocus;
}
