import { type RefObject, useEffect, useState } from 'react';

/**
 * The height from the element's top to the bottom of the window, minus `gap` (kept current on
 * resize): the virtual table gets a fixed height that fills the page.
 */
export function useFillHeight(ref: RefObject<HTMLElement | null>, gap: number, min = 240): number {
  const [height, setHeight] = useState(min);
  useEffect(() => {
    const measure = () => {
      const el = ref.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top;
      setHeight(Math.max(min, Math.floor(window.innerHeight - top - gap)));
    };
    measure();
    window.addEventListener('resize', measure);
    const observer = new ResizeObserver(measure);
    if (ref.current?.parentElement) observer.observe(ref.current.parentElement);
    return () => {
      window.removeEventListener('resize', measure);
      observer.disconnect();
    };
  }, [ref, gap, min]);
  return height;
}
