import {
  EnvelopeSchema,
  HostError,
  METHODS,
  events as eventSchemas,
  type Api,
  type Envelope,
  type EventName,
  type EventPayload,
} from '../../shared/api';

/**
 * A way to reach the host: the Electron preload bridge or the web-mode WebSocket.
 * Both carry the same envelopes; the client above them is one piece of code.
 */
export interface Transport {
  invoke(method: string, payload: unknown): Promise<Envelope<unknown>>;
  /** Subscribe to every host event; returns the unsubscribe function. */
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}

export interface Client {
  api: Api;
  onEvent<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createClient(transport: Transport): Client {
  const api = {} as Record<string, (input: unknown) => Promise<unknown>>;
  for (const method of METHODS) {
    api[method] = async (input: unknown) => {
      const reply = EnvelopeSchema.safeParse(await transport.invoke(method, input ?? {}));
      if (!reply.success) throw new HostError({ code: 'internal', message: `host sent a malformed reply to ${method}` });
      if (!reply.data.ok) throw new HostError(reply.data.error);
      return reply.data.value;
    };
  }
  return {
    api: api as unknown as Api,
    onEvent(name, listener) {
      return transport.subscribe((event, payload) => {
        if (event !== name) return;
        // Events are validated here too: a renderer never acts on a payload it cannot read.
        const parsed = eventSchemas[name].safeParse(payload);
        if (parsed.success) listener(parsed.data as EventPayload<typeof name>);
      });
    },
  };
}
