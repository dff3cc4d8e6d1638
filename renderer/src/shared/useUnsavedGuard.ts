import { App } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

/**
 * Guards a full-page form: leaving it with unsaved input — 取消, the back arrow, the sidebar, the
 * browser's back button, any link — first asks 放弃未保存的修改？. `leave(go)` is for the page's own
 * buttons (asks, then goes); `allowLeave()` before a navigation that must not ask (after saving).
 */
export function useUnsavedGuard(isDirty: () => boolean) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const allowed = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      !allowed.current && currentLocation.pathname !== nextLocation.pathname && isDirty(),
  );

  const ask = useCallback(
    (onDiscard: () => void, onStay?: () => void) =>
      modal.confirm({
        title: t('common.unsaved.title'),
        content: t('common.unsaved.text'),
        okText: t('common.unsaved.discard'),
        okButtonProps: { danger: true },
        cancelText: t('common.unsaved.stay'),
        onOk: onDiscard,
        onCancel: onStay,
      }),
    [modal, t],
  );

  // one question per blocked navigation (the blocker object changes identity while it waits)
  const asking = useRef(false);
  useEffect(() => {
    if (blocker.state !== 'blocked' || asking.current) return;
    asking.current = true;
    ask(
      () => {
        asking.current = false;
        blocker.proceed();
      },
      () => {
        asking.current = false;
        blocker.reset();
      },
    );
  }, [blocker, ask]);

  const allowLeave = useCallback(() => {
    allowed.current = true;
  }, []);

  /** The page's own 取消 / back: straight away when nothing was typed, else after the user agrees. */
  const leave = (go: () => void) => {
    const goNow = () => {
      allowLeave();
      go();
    };
    if (!isDirty()) return goNow();
    ask(goNow);
  };

  return { leave, allowLeave };
}
