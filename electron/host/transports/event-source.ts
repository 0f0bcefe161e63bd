import { EVENT_NAMES, type EventName, type EventPayload } from '../../../shared/api';

/**
 * The part of the host's event hub a transport needs. `HostEvents` from composition.ts satisfies it;
 * keeping it structural lets the transports be tested with a tiny fake.
 */
export interface HostEventSource {
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Listens to every event of the contract with one callback; returns one function that stops them all. */
export function subscribeAll(events: HostEventSource, listener: (name: EventName, payload: unknown) => void): () => void {
  const stops = EVENT_NAMES.map((name) => events.on(name, (payload) => listener(name, payload)));
  return () => stops.forEach((stop) => stop());
}
