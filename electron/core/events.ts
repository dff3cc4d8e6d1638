/** Server → renderer events (progress, session ended, ...). Transports route them to windows. */
export interface AppEvent {
  name: string;
  payload: unknown;
  /** deliver only to this user's sessions; undefined = everyone signed in */
  userId?: number;
  /** for the main process only (the LAN manager, the listener): never sent to a window */
  internal?: true;
}

type Listener = (event: AppEvent) => void;

export class EventBus {
  private listeners = new Set<Listener>();
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(event: AppEvent): void {
    for (const l of this.listeners) l(event);
  }
}
