/**
 * The JS API of the customer phone page (`window.customerPhone`), shared by the browser code
 * (web/phone.ts) and the Node side that drives it (Playwright specs, scripts/call-agent.ts).
 * Types only: no DOM, no Node.
 */

export interface RegisterOptions {
  /** ws://127.0.0.1:8088 — the Kamailio rig's WebSocket. */
  wsUrl: string;
  /** Customer extension (2001–2020) or agent extension (1001–1010). */
  user: string;
  /** Defaults to `pass<user>`, the rig's password scheme. */
  password?: string;
  /** Defaults to huifang.test. */
  domain?: string;
  displayName?: string;
  /** Answer incoming calls by itself after `autoAnswerDelayMs` (default 0). */
  autoAnswer?: boolean;
  autoAnswerDelayMs?: number;
  /** Re-connect and re-register when the WebSocket drops. Default true. */
  reconnect?: boolean;
  /** REGISTER expiry in seconds. Default 120. */
  expires?: number;
  /** How long `register()` waits for the registrar. Default 8000 ms. */
  timeoutMs?: number;
  /**
   * Signalling only: gather no ICE candidates at all (iceTransportPolicy 'relay' without a TURN
   * server), so the phone sends no media packets anywhere. For use outside a loopback-only
   * network namespace, where Chromium would pick the host's real interfaces for media.
   */
  noMedia?: boolean;
  /**
   * Offer and accept RFC 4733 telephone-event (default true). `false` plays an endpoint that takes
   * DTMF only as SIP INFO: its SDP carries no telephone-event, so a far end that checks the
   * negotiation (the agent softphone) must send INFO — which this phone can observe.
   */
  telephoneEvent?: boolean;
  /** Put every sip.js log line (with the SIP messages) into `events()`. */
  debug?: boolean;
}

export interface CallOptions {
  /** Extra SIP headers, e.g. { 'X-Customer-Id': 'C-42' }. */
  headers?: Record<string, string>;
  /** Caller number shown to the callee (From user). Default: the registered user. */
  fromUser?: string;
  /** Caller name shown to the callee (From display name). */
  fromDisplayName?: string;
}

export type DtmfVia = 'info' | 'rtp' | 'both';

export type TransportState = 'disconnected' | 'connecting' | 'connected';
export type RegistrationState = 'unregistered' | 'registering' | 'registered' | 'failed';
export type CallState = 'idle' | 'calling' | 'ringing' | 'established' | 'terminated';

export interface IncomingCallInfo {
  fromUser: string;
  fromDisplayName: string;
  /** The raw From header as received. */
  from: string;
  /** All X-* headers and P-Asserted-Identity, by lower-case name. */
  headers: Record<string, string>;
}

export interface CallEnd {
  /** SIP status code of the final failure (e.g. 480), or 0 for a normal hang-up. */
  code: number;
  reason: string;
  /** Who ended it: 'local', 'remote' or 'error'. */
  by: 'local' | 'remote' | 'error';
}

export interface PhoneState {
  user: string | undefined;
  transport: TransportState;
  registration: RegistrationState;
  /** Human-readable reason of the last registration failure. */
  registrationError: string | undefined;
  /** Successful REGISTER transactions so far (grows on every re-registration). */
  registrations: number;
  /** WebSocket reconnections so far. */
  reconnects: number;
  call: CallState;
  direction: 'inbound' | 'outbound' | undefined;
  held: boolean;
  /** The last incoming call (kept after it ends). */
  incoming: IncomingCallInfo | undefined;
  /** How the last call ended. */
  lastCallEnd: CallEnd | undefined;
  /** DTMF digits received via SIP INFO, in order. */
  receivedDtmf: string;
  /** DTMF digits sent (INFO or RFC 4733). */
  sentDtmf: string;
  /** Calls received in total (including rejected ones). */
  incomingCount: number;
}

export interface RtpStats {
  inboundBytes: number;
  inboundPackets: number;
  outboundBytes: number;
  outboundPackets: number;
  /** ICE candidate pair in use, e.g. "127.0.0.1:40000 -> 127.0.0.1:40002". */
  candidatePair: string | undefined;
}

export interface CustomerPhoneApi {
  register(options: RegisterOptions): Promise<PhoneState>;
  unregister(): Promise<void>;
  call(target: string, options?: CallOptions): Promise<void>;
  answer(): Promise<void>;
  reject(code?: number): Promise<void>;
  hangup(): Promise<void>;
  hold(): Promise<void>;
  unhold(): Promise<void>;
  /** Blind transfer of the current call (REFER). */
  transfer(target: string): Promise<void>;
  sendDtmf(digits: string, options?: { via?: DtmfVia; durationMs?: number }): Promise<void>;
  stats(): Promise<RtpStats>;
  /** A snapshot of the phone's state. */
  readonly state: PhoneState;
  /** Recent events, newest last, for debugging failed tests. */
  events(): string[];
  /** Stop everything: hang up, unregister, close the WebSocket. */
  shutdown(): Promise<void>;
  readonly receivedDtmf: string;
}

/** What the page puts on `window` (use `(globalThis as PhoneGlobal).customerPhone` in evaluate callbacks). */
export interface PhoneGlobal {
  customerPhone: CustomerPhoneApi;
}
