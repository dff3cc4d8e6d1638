/**
 * The rows a virtual list draws: those in view (`first` .. `first + visible`) and `overscan` more
 * each side, within the `count` loaded. A fresh answer is drawn with no overscan first (the rows a
 * person sees paint sooner), the overscan follows after that paint.
 */
export function rowWindow(first: number, visible: number, count: number, overscan: number): { from: number; to: number } {
  const from = Math.max(0, Math.min(first, count) - overscan);
  const to = Math.min(count, first + visible + overscan);
  return { from, to: Math.max(from, to) };
}

/**
 * The React key of the row drawn at `index`: its place in the list, not the customer's id. A new
 * answer then updates the rows already in the page (text and attributes) instead of removing
 * them all and building new ones, which is most of the cost of a keystroke's redraw; scrolling
 * still adds and removes only the rows entering and leaving the view.
 */
export function rowSlotKey(index: number): number {
  return index;
}
