/**
 * One writer at a time without freezing the main thread. A long write on another connection (an
 * import's transaction in its worker) holds SQLite's lock for seconds; a write on the main
 * connection meanwhile would wait synchronously (busy_timeout) and freeze every window. So the
 * long writer closes this gate first, and the dispatcher awaits it before any channel flagged
 * `writes`: other users' saves wait asynchronously, then go through. Reads never wait (WAL).
 * Each core has its own gate (`core.writes`): the gate guards that core's database file.
 */
export interface WriteGate {
  /** Resolves when no long writer holds (or is about to take) the write lock; at once when none does. */
  wait(): Promise<void>;
  /** Closes the gate until the returned function is called. Holders queue behind each other. */
  hold(): Promise<() => void>;
}

export function createWriteGate(): WriteGate {
  let gate: { promise: Promise<void>; open(): void } | null = null;
  const wait = async () => {
    while (gate) await gate.promise;
  };
  return {
    wait,
    async hold() {
      // checked and closed in one synchronous step, so two waiting holders cannot both get in
      while (gate) await gate.promise;
      let open = () => {};
      const promise = new Promise<void>((resolve) => {
        open = resolve;
      });
      const mine = { promise, open };
      gate = mine;
      return () => {
        if (gate === mine) gate = null;
        mine.open();
      };
    },
  };
}
