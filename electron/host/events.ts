import { events as eventSchemas, type EventName, type EventPayload } from '../../shared/api';

export interface HostEvents {
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
}

type AnyListener = (payload: unknown) => void;

/**
 * The host's push channel: services emit, transports forward to every connected renderer.
 * Payloads are checked against the contract here, so a wrong shape fails at its source, and one
 * failing listener (a closed window) cannot keep the others from hearing the event.
 */
export function createHostEvents(onListenerError: (name: EventName, error: unknown) => void = defaultReport): HostEvents {
  const listeners = new Map<EventName, Set<AnyListener>>();
  return {
    on(name, listener) {
      const set = listeners.get(name) ?? new Set<AnyListener>();
      listeners.set(name, set);
      const entry = listener as AnyListener;
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
    emit(name, payload) {
      const checked = eventSchemas[name].parse(payload);
      for (const listener of [...(listeners.get(name) ?? [])]) {
        try {
          listener(checked);
        } catch (error) {
          onListenerError(name, error);
        }
      }
    },
  };
}

function defaultReport(name: EventName, error: unknown): void {
  console.error(`host event listener for "${name}" failed:`, error);
}
