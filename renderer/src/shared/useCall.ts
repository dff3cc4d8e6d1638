import { useCallback, useEffect, useRef, useState } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../../electron/core/shared/contract';
import { call } from '../api';
import { useReportError } from './apiErrors';
import { type Paging, paging } from './paging';

interface CallOptions {
  /** instead of the default report (a translated message) */
  onError?: (error: unknown) => void;
  /** any value whose change means "read again" although the input is the same (a record's version) */
  refresh?: unknown;
}

interface CallState<T> {
  /** the last answer (kept while a newer input loads, so tables do not blink empty) */
  data: T | undefined;
  loading: boolean;
  /** the last read failed (it was reported) */
  failed: boolean;
  /** reads again with the same input; resolves when that read is over */
  reload: () => Promise<void>;
  /** the answer as changed here (after a save returned the new record) */
  setData: (data: T) => void;
}

/**
 * Reads one channel of the core whenever its input changes (compared by value), and on `reload()`.
 * `input` null: nothing is read (yet). A failure is reported (or given to `onError`); the answer to
 * an older input, or one arriving after the page closed, is dropped, so fast changes never show
 * stale rows.
 */
export function useCall<C extends Channel>(
  channel: C,
  input: ChannelInput<C> | null,
  options: CallOptions = {},
): CallState<ChannelOutput<C>> {
  const reportError = useReportError();
  const [data, setData] = useState<ChannelOutput<C> | undefined>(undefined);
  const [loading, setLoading] = useState(input !== null);
  const [failed, setFailed] = useState(false);
  const [reads, setReads] = useState(0);
  /** reloads waiting for their read to finish */
  const waiting = useRef<(() => void)[]>([]);
  const key = input === null ? null : JSON.stringify([input, options.refresh ?? null]);
  // the latest input and error handler, read when the key says a read is due
  const latest = useRef({ input, onError: options.onError ?? reportError });
  latest.current = { input, onError: options.onError ?? reportError };

  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the input; `reads` counts reloads
  useEffect(() => {
    const { input: wanted } = latest.current;
    const done = waiting.current.splice(0);
    if (key === null || wanted === null) {
      setLoading(false);
      for (const resolve of done) resolve();
      return;
    }
    let live = true;
    setLoading(true);
    call(channel, wanted)
      .then((answer) => {
        if (!live) return;
        setData(answer);
        setFailed(false);
      })
      .catch((error: unknown) => {
        if (!live) return;
        setFailed(true);
        latest.current.onError(error);
      })
      .finally(() => {
        if (live) setLoading(false);
        for (const resolve of done) resolve();
      });
    return () => {
      live = false;
    };
  }, [channel, key, reads]);

  const reload = useCallback(
    () =>
      new Promise<void>((resolve) => {
        waiting.current.push(resolve);
        setReads((n) => n + 1);
      }),
    [],
  );
  return { data, loading, failed, reload, setData };
}

/** A channel that answers one page of rows. */
type PagedChannel = {
  [C in Channel]: ChannelOutput<C> extends { items: readonly unknown[] } ? C : never;
}[Channel];

interface PagedState<C extends PagedChannel> extends CallState<ChannelOutput<C>> {
  items: ChannelOutput<C>['items'];
  total: number;
  page: number;
  pageSize: number;
  /** to another page (and page size); back to page 1 when the filters change */
  setPage: (page: number, pageSize?: number) => void;
  /** for antd Table's `pagination` (spread, then add the table's own options) */
  pagination: { current: number; pageSize: number; total: number };
  /** for antd Table's `onChange`: the page and size the user chose */
  onTableChange: (p: { current?: number; pageSize?: number }) => void;
}

/**
 * A table's rows read page by page: the page state and the read of the current page (`input`
 * builds the channel's input from the page; see useCall for loading, errors and stale answers).
 */
export function usePaged<C extends PagedChannel>(
  channel: C,
  input: (page: Paging) => ChannelInput<C> | null,
  { pageSize: firstSize, ...options }: CallOptions & { pageSize: number },
): PagedState<C> {
  const [at, setAt] = useState({ page: 1, pageSize: firstSize });
  const state = useCall(channel, input(paging(at.page, at.pageSize)), options);
  const answer = state.data as { items: ChannelOutput<C>['items']; total?: number } | undefined;
  const total = answer?.total ?? 0;
  const setPage = useCallback(
    (page: number, pageSize?: number) => setAt((a) => ({ page, pageSize: pageSize ?? a.pageSize })),
    [],
  );
  return {
    ...state,
    items: answer?.items ?? [],
    total,
    page: at.page,
    pageSize: at.pageSize,
    setPage,
    pagination: { current: at.page, pageSize: at.pageSize, total },
    onTableChange: (p) => setPage(p.current ?? 1, p.pageSize),
  };
}

/**
 * Runs actions that call the core (a download, a toggle, a save without a form): `busy` while one
 * runs, and `running` says which (the `what` given to `run`); a failure is reported. `run`
 * resolves true when the action succeeded.
 */
export function useAction<What extends string = 'busy'>() {
  const reportError = useReportError();
  const [running, setRunning] = useState<What | null>(null);
  const run = useCallback(
    async (work: () => Promise<unknown>, what = 'busy' as What): Promise<boolean> => {
      setRunning(what);
      try {
        await work();
        return true;
      } catch (error) {
        reportError(error);
        return false;
      } finally {
        setRunning(null);
      }
    },
    [reportError],
  );
  return { busy: running !== null, running, run };
}
