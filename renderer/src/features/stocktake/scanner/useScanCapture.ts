import { useEffect, useRef } from 'react';
import { type CaptureAction, type CaptureEvent, type CaptureEventType, createBurstMachine } from './burst';
import { asTextField, describeTarget, insertAtCaret, setFieldValue } from './domField';
import type { ScanCaptureOptions } from './types';

const EVENT_TYPES: CaptureEventType[] = [
  'keydown',
  'keyup',
  'input',
  'compositionstart',
  'compositionupdate',
  'compositionend',
];

function record(ev: Event, scanField: HTMLInputElement | null): CaptureEvent<EventTarget> {
  const key = ev as KeyboardEvent;
  const isKey = ev.type === 'keydown' || ev.type === 'keyup';
  return {
    type: ev.type as CaptureEventType,
    key: isKey ? key.key : undefined,
    code: isKey ? key.code : undefined,
    keyCode: isKey ? key.keyCode : undefined,
    shiftKey: isKey ? key.shiftKey : undefined,
    ctrlKey: isKey ? key.ctrlKey : undefined,
    altKey: isKey ? key.altKey : undefined,
    metaKey: isKey ? key.metaKey : undefined,
    isComposing: 'isComposing' in ev ? (ev as KeyboardEvent).isComposing : undefined,
    data: 'data' in ev ? (ev as InputEvent).data : undefined,
    timeStamp: ev.timeStamp,
    target: describeTarget(ev.target, scanField),
  };
}

/**
 * Listens to the whole page (document, capture phase) while enabled and hands every code a
 * scanner types — or a person types into the scan field and confirms with Enter — to onScan.
 * A burst typed while another field has focus (the note, a dialog's input) goes to onScan too,
 * and that field gets its value back. Keys held back or ending a scan are stopped before React
 * sees them (no onPressEnter, no form submit), so the page must not handle Enter in the scan
 * field itself. Keystrokes never go through React state.
 */
export function useScanCapture(options: ScanCaptureOptions): void {
  const latest = useRef(options);
  latest.current = options;
  const { enabled } = options;

  useEffect(() => {
    if (!enabled) return;
    const machine = createBurstMachine<EventTarget>(latest.current.settings);
    let applying = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const apply = (actions: CaptureAction<EventTarget>[], ev: Event | null) => {
      for (const action of actions) {
        if (action.kind === 'preventDefault') {
          if (ev) {
            ev.preventDefault();
            ev.stopImmediatePropagation();
          }
          clearTimeout(timer);
          timer = setTimeout(() => apply(machine.tick(performance.now()), null), machine.holdMs + 10);
        } else if (action.kind === 'scan') {
          latest.current.onScan(action.scan);
        } else if (action.kind === 'trace') {
          latest.current.onTrace?.(action.trace);
        } else {
          const el = asTextField(action.target);
          if (!el) continue;
          // our own 'input' event must not feed the machine
          applying = true;
          try {
            if (action.kind === 'restore')
              setFieldValue(el, action.field.value, {
                start: action.field.selectionStart,
                end: action.field.selectionEnd,
              });
            else insertAtCaret(el, action.text);
          } finally {
            applying = false;
          }
        }
      }
    };

    const listener = (ev: Event) => {
      if (applying) return;
      machine.setSettings(latest.current.settings);
      apply(machine.feed(record(ev, latest.current.fieldRef.current)), ev);
    };
    for (const type of EVENT_TYPES) document.addEventListener(type, listener, { capture: true });
    return () => {
      clearTimeout(timer);
      for (const type of EVENT_TYPES) document.removeEventListener(type, listener, { capture: true });
    };
  }, [enabled]);
}
