import { type ChangeEvent, type CompositionEvent, useCallback, useEffect, useRef, useState } from 'react';

/**
 * A search box's text that searches as the person types (no debounce: an answer takes a few ms,
 * and older answers are dropped by the caller), but not on each pinyin letter while an IME is
 * composing: the search runs when the word is committed (compositionend). `value`: the searched
 * text from outside (a reset empties the box). Spread `inputProps` on the input.
 */
export function useImeSearch(value: string, onSearch: (text: string) => void) {
  const [text, setText] = useState(value);
  const composing = useRef(false);
  const sent = useRef(value);

  // a change from outside (reset, coming back to the page) shows in the box
  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setText(value);
    }
  }, [value]);

  const search = useCallback(
    (next: string) => {
      if (next === sent.current) return;
      sent.current = next;
      onSearch(next);
    },
    [onSearch],
  );

  const inputProps = {
    value: text,
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      setText(e.target.value);
      const native = e.nativeEvent as InputEvent;
      if (!composing.current && !native.isComposing) search(e.target.value);
    },
    onCompositionStart: () => {
      composing.current = true;
    },
    onCompositionEnd: (e: CompositionEvent<HTMLInputElement>) => {
      composing.current = false;
      search(e.currentTarget.value);
    },
  };
  return { text, setText, inputProps, searchNow: search };
}
