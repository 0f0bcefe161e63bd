import { Registerer, RegistererState, UserAgent, type UserAgentDelegate } from 'sip.js';
import type { RegisterOutcome, RegistrationHandle, SipPort } from './registration-keeper';
import { ICE_GATHERING_TIMEOUT_MS, PEER_CONNECTION_CONFIG, type SipSettings } from './settings';

export interface SipStack {
  userAgent: UserAgent;
  port: SipPort;
}

/**
 * Builds the sip.js user agent and adapts it to the keeper's `SipPort`. sip.js's own reconnection is
 * off (reconnectionAttempts 0): the keeper reconnects with backoff and knows to re-register after.
 */
export function createSipStack(settings: SipSettings, delegate: UserAgentDelegate): SipStack {
  const uri = UserAgent.makeURI(`sip:${settings.extension}@${settings.domain}`);
  if (!uri) throw new Error(`not a valid SIP address: ${settings.extension}@${settings.domain}`);
  const disconnectListeners = new Set<(error?: Error) => void>();
  const userAgent = new UserAgent({
    uri,
    displayName: settings.displayName,
    authorizationUsername: settings.authorizationUsername,
    authorizationPassword: settings.password,
    transportOptions: { server: settings.wsUrl, connectionTimeout: 5 },
    reconnectionAttempts: 0,
    logLevel: 'warn',
    sessionDescriptionHandlerFactoryOptions: {
      peerConnectionConfiguration: PEER_CONNECTION_CONFIG,
      iceGatheringTimeout: ICE_GATHERING_TIMEOUT_MS,
    },
    delegate: {
      ...delegate,
      onDisconnect: (error?: Error) => {
        delegate.onDisconnect?.(error);
        for (const listener of disconnectListeners) listener(error);
      },
    },
  });
  let started = false;
  const expires = settings.registerExpiresSec ?? 300;

  const port: SipPort = {
    async connect() {
      if (!started) {
        started = true;
        await userAgent.start();
      } else {
        await userAgent.reconnect();
      }
    },
    isConnected: () => userAgent.isConnected(),
    onDisconnect: (listener) => {
      disconnectListeners.add(listener);
    },
    createRegistration: () => createRegistration(userAgent, expires),
    async unregister() {
      // A fresh Registerer for the un-REGISTER too: the keeper's may be mid-transaction.
      const registerer = new Registerer(userAgent, { expires });
      await registerer.unregister({ all: true }).catch(() => undefined);
      await registerer.dispose();
    },
  };
  return { userAgent, port };
}

function createRegistration(userAgent: UserAgent, expires: number): RegistrationHandle {
  // Refresh at 60% of the binding so a slow network cannot let it lapse.
  const registerer = new Registerer(userAgent, { expires, refreshFrequency: 60 });
  const lostListeners = new Set<() => void>();
  let registeredOnce = false;
  registerer.stateChange.addListener((state) => {
    if (state === RegistererState.Registered) registeredOnce = true;
    if (registeredOnce && (state === RegistererState.Unregistered || state === RegistererState.Terminated)) {
      for (const listener of lostListeners) listener();
    }
  });
  return {
    register: () =>
      new Promise<RegisterOutcome>((resolve) => {
        registerer
          .register({
            requestDelegate: {
              onAccept: () => resolve({ ok: true }),
              onReject: (response) => resolve({ ok: false, code: response.message.statusCode ?? 0, reason: response.message.reasonPhrase ?? 'rejected' }),
            },
          })
          .catch((error: unknown) => resolve({ ok: false, code: 0, reason: error instanceof Error ? error.message : String(error) }));
      }),
    onLost: (listener) => {
      lostListeners.add(listener);
    },
    dispose: () => registerer.dispose(),
  };
}
