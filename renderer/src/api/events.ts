import { desktopBridge } from './transport';

type EventHandlers = Record<string, (payload: unknown) => void>;

function parse(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

/**
 * Listens to server events while signed in: the preload's `on` in Electron, an EventSource on
 * `/api/events` in a browser. Returns the function that stops listening (and closes the stream).
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
  const source = new EventSource('/api/events');
  for (const [name, handler] of Object.entries(handlers)) {
    source.addEventListener(name, (event) => handler(parse((event as MessageEvent).data)));
  }
  return () => source.close();
}
