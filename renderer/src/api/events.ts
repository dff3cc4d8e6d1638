import { desktopBridge } from './transport';

type Handler = (payload: unknown) => void;
type EventHandlers = Record<string, Handler>;

function parse(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

/**
 * One event stream for the whole page, however many screens listen: a browser allows six
 * connections per host over HTTP/1.1, and a stream per listener would leave the calls queueing
 * behind them.
 */
interface Shared {
  source: EventSource;
  /** the names the source has a listener for */
  names: Set<string>;
}

const handlersOf = new Map<string, Set<Handler>>();
let shared: Shared | null = null;

function dispatch(name: string, event: Event) {
  const payload = parse((event as MessageEvent).data);
  for (const handler of [...(handlersOf.get(name) ?? [])]) handler(payload);
}

/** The open stream, opened anew when the last one was closed (signed out, then in again). */
function stream(): Shared {
  if (shared && shared.source.readyState !== EventSource.CLOSED) return shared;
  shared?.source.close();
  shared = { source: new EventSource('/api/events'), names: new Set() };
  return shared;
}

function listen(s: Shared, name: string) {
  if (s.names.has(name)) return;
  s.names.add(name);
  s.source.addEventListener(name, (event) => dispatch(name, event));
}

/**
 * Listens to server events while signed in: the preload's `on` in Electron, the page's one
 * EventSource on `/api/events` in a browser. Returns the function that stops listening (the
 * stream closes with its last listener).
 */
export function connectEvents(handlers: EventHandlers): () => void {
  const bridge = desktopBridge();
  if (bridge) {
    const offs = Object.entries(handlers).map(([name, handler]) => bridge.on(name, handler));
    return () => {
      for (const off of offs) off();
    };
  }
  if (typeof EventSource === 'undefined') return () => {};
  const s = stream();
  // a reopened stream listens again for every name still wanted
  for (const name of handlersOf.keys()) listen(s, name);
  const entries = Object.entries(handlers);
  for (const [name, handler] of entries) {
    const set = handlersOf.get(name) ?? new Set<Handler>();
    handlersOf.set(name, set);
    set.add(handler);
    listen(s, name);
  }
  return () => {
    for (const [name, handler] of entries) {
      const set = handlersOf.get(name);
      set?.delete(handler);
      if (set && !set.size) handlersOf.delete(name);
    }
    if (!handlersOf.size && shared) {
      shared.source.close();
      shared = null;
    }
  };
}

/**
 * Opens the page's event stream again after the session was renewed in place (a restarted server
 * closed the stream: it refused the old session), for the names still listened to.
 */
export function reopenEvents(): void {
  if (!shared || shared.source.readyState !== EventSource.CLOSED || !handlersOf.size) return;
  const s = stream();
  for (const name of handlersOf.keys()) listen(s, name);
}
