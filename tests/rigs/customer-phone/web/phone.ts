/**
 * The simulated customer phone: a small sip.js (0.21) web phone for the Kamailio rig.
 *
 * Registers as a customer extension over SIP/WebSocket, places and answers calls, sends and
 * receives DTMF (SIP INFO; RFC 4733 send-only), holds, transfers, re-connects and re-registers by
 * itself, and exposes all of it on `window.customerPhone` (see ../api.ts) for Playwright and
 * scripts/call-agent.ts. The visible UI (index.html) is a thin layer over the same API.
 *
 * What the agent softphone in the renderer must do the same way is marked "SOFTPHONE:".
 */
import {
  Invitation,
  Inviter,
  Registerer,
  RegistererState,
  RequestPendingError,
  SessionState,
  SIPExtension,
  UserAgent,
  type Info,
  type Referral,
  type Session,
  type Web,
} from 'sip.js';
import type {
  CallEnd,
  CallOptions,
  CustomerPhoneApi,
  DtmfVia,
  IncomingCallInfo,
  PhoneState,
  RegisterOptions,
  RtpStats,
} from '../api';

const DEFAULT_DOMAIN = 'huifang.test';
const MAX_EVENTS = 300;

const state: PhoneState = {
  user: undefined,
  transport: 'disconnected',
  registration: 'unregistered',
  registrationError: undefined,
  registrations: 0,
  reconnects: 0,
  call: 'idle',
  direction: undefined,
  held: false,
  incoming: undefined,
  lastCallEnd: undefined,
  receivedDtmf: '',
  sentDtmf: '',
  incomingCount: 0,
};

const eventLog: string[] = [];
const listeners = new Set<() => void>();

let ua: UserAgent | undefined;
let registerer: Registerer | undefined;
let options: Required<Pick<RegisterOptions, 'wsUrl' | 'user' | 'password' | 'domain'>> & RegisterOptions;
let session: Session | undefined;
let wantRegistered = false;
let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
let reconnectAttempt = 0;
let generation = 0; // bumps on every register()/shutdown(): late callbacks of an old UA are ignored

function log(message: string): void {
  const line = `${new Date().toISOString().slice(11, 23)} ${message}`;
  eventLog.push(line);
  if (eventLog.length > MAX_EVENTS) eventLog.splice(0, eventLog.length - MAX_EVENTS);
  changed();
}

function changed(): void {
  for (const listener of listeners) listener();
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// ---------------------------------------------------------------- registration and transport

function makeUserAgent(opts: typeof options, gen: number): UserAgent {
  const uri = UserAgent.makeURI(`sip:${opts.user}@${opts.domain}`);
  if (!uri) throw new Error(`user: cannot make a SIP URI of "${opts.user}@${opts.domain}"`);
  return new UserAgent({
    uri,
    displayName: opts.displayName ?? '',
    authorizationUsername: opts.user,
    authorizationPassword: opts.password,
    transportOptions: {
      server: opts.wsUrl,
      connectionTimeout: 3,
      // A dead proxy shows up as a closed WebSocket; no CRLF keep-alive needed on loopback.
      keepAliveInterval: 0,
    },
    // SOFTPHONE: sip.js's default ICE config names a public STUN server — there is no network.
    // No STUN/TURN, and stop waiting for ICE candidates after 500 ms at most.
    sessionDescriptionHandlerFactoryOptions: {
      peerConnectionConfiguration: { iceServers: [], ...(opts.noMedia ? { iceTransportPolicy: 'relay' } : {}) },
      iceGatheringTimeout: 500,
    },
    // Attended transfers end here as an INVITE with Replaces (RFC 3891): take it over the call it names.
    sipExtensionReplaces: SIPExtension.Supported,
    userAgentString: 'Huifang customer phone (sip.js 0.21)',
    logBuiltinEnabled: false,
    logConfiguration: false,
    logLevel: opts.debug ? 'debug' : 'warn',
    logConnector: (level, category, _label, content) => {
      if (gen === generation && (opts.debug || level === 'error' || level === 'warn')) {
        log(`sip.js ${level} ${category}: ${content}`);
      }
    },
    delegate: {
      onConnect: () => {
        if (gen !== generation) return;
        state.transport = 'connected';
        reconnectAttempt = 0;
        log(`transport connected to ${opts.wsUrl}`);
        // SOFTPHONE: REGISTER again on every (re)connect. The registrar routes to the WebSocket
        // connection the REGISTER came on; after a reconnect (or a proxy restart, which loses the
        // in-memory location table) the old binding is useless.
        if (wantRegistered) sendRegister(gen);
      },
      onDisconnect: (error) => {
        if (gen !== generation) return;
        state.transport = 'disconnected';
        if (state.registration === 'registered' || state.registration === 'registering') {
          state.registration = 'unregistered';
        }
        log(`transport disconnected${error ? `: ${error.message}` : ''}`);
        if (error && wantRegistered && opts.reconnect !== false) scheduleReconnect(gen);
      },
      onInvite: (invitation) => {
        if (gen === generation) onInvite(invitation);
      },
    },
  });
}

function scheduleReconnect(gen: number): void {
  if (reconnectTimer !== undefined) return;
  // 250 ms, 500 ms, 1 s, then every 2 s: back within a couple of seconds of the proxy.
  const delay = Math.min(250 * 2 ** reconnectAttempt, 2000);
  reconnectAttempt += 1;
  state.transport = 'connecting';
  log(`reconnecting in ${delay} ms (attempt ${reconnectAttempt})`);
  reconnectTimer = setTimeout(() => {
    reconnectTimer = undefined;
    if (gen !== generation || !ua) return;
    ua.reconnect().then(
      () => {
        if (gen !== generation) return;
        state.reconnects += 1;
        changed();
      },
      (error: unknown) => {
        if (gen !== generation) return;
        log(`reconnect failed: ${describeError(error)}`);
        scheduleReconnect(gen);
      },
    );
  }, delay);
}

function newRegisterer(agent: UserAgent, gen: number): Registerer {
  const reg = new Registerer(agent, { expires: options.expires ?? 120, logConfiguration: false });
  // SOFTPHONE: a Registerer stays "Registered" across a dropped WebSocket, so its stateChange
  // does not fire for a re-REGISTER after reconnecting: count the 200 OKs (onAccept) instead.
  reg.stateChange.addListener((next) => {
    if (gen !== generation || reg !== registerer) return;
    if (next === RegistererState.Unregistered && state.registration === 'registered') {
      state.registration = 'unregistered';
      log('unregistered');
    }
    changed();
  });
  return reg;
}

function sendRegister(gen: number): void {
  if (!ua) return;
  if (!registerer) registerer = newRegisterer(ua, gen);
  state.registration = 'registering';
  changed();
  const attempt = (reg: Registerer): Promise<unknown> =>
    reg.register({
      requestDelegate: {
        onAccept: () => {
          if (gen !== generation) return;
          state.registration = 'registered';
          state.registrationError = undefined;
          state.registrations += 1;
          log(`registered as ${options.user}@${options.domain} (#${state.registrations})`);
        },
        onReject: (response) => {
          if (gen !== generation) return;
          const { statusCode, reasonPhrase } = response.message;
          state.registration = 'failed';
          state.registrationError = `REGISTER rejected: ${statusCode} ${reasonPhrase}`;
          // A wrong password stays wrong: do not hammer the registrar.
          if (statusCode === 401 || statusCode === 403 || statusCode === 407) wantRegistered = false;
          log(state.registrationError);
        },
      },
    });
  attempt(registerer).catch((error: unknown) => {
    if (gen !== generation || !ua) return;
    if (error instanceof RequestPendingError) {
      // A REGISTER sent on the dead connection is still waiting for its timeout: start afresh.
      registerer = newRegisterer(ua, gen);
      attempt(registerer).catch((again: unknown) => log(`REGISTER failed: ${describeError(again)}`));
      return;
    }
    log(`REGISTER failed: ${describeError(error)}`);
  });
}

async function register(opts: RegisterOptions): Promise<PhoneState> {
  if (!opts || typeof opts.wsUrl !== 'string' || !/^wss?:\/\//.test(opts.wsUrl)) {
    throw new Error(`wsUrl: expected ws://host:port, got ${JSON.stringify(opts?.wsUrl)}`);
  }
  if (typeof opts.user !== 'string' || !/^[A-Za-z0-9_.+-]+$/.test(opts.user)) {
    throw new Error(`user: expected an extension like 2001, got ${JSON.stringify(opts.user)}`);
  }
  await shutdown();
  const gen = ++generation;
  options = { ...opts, password: opts.password ?? `pass${opts.user}`, domain: opts.domain ?? DEFAULT_DOMAIN };
  state.user = opts.user;
  state.registrationError = undefined;
  state.registration = 'registering';
  wantRegistered = true;
  const agent = makeUserAgent(options, gen);
  ua = agent;
  state.transport = 'connecting';
  log(`registering ${options.user}@${options.domain} via ${options.wsUrl}`);
  try {
    await agent.start(); // onConnect sends the REGISTER
  } catch (error) {
    if (gen === generation) {
      state.transport = 'disconnected';
      state.registrationError = `cannot connect to ${options.wsUrl}: ${describeError(error)}`;
      log(state.registrationError);
      if (options.reconnect !== false) scheduleReconnect(gen);
    }
  }
  const timeoutMs = opts.timeoutMs ?? 8000;
  const deadline = Date.now() + timeoutMs;
  const registration = (): PhoneState['registration'] => state.registration; // not narrowed by TS
  while (Date.now() < deadline && gen === generation) {
    if (registration() === 'registered') return { ...state };
    if (registration() === 'failed') break;
    await new Promise((r) => setTimeout(r, 25));
  }
  const reason = state.registrationError ?? `no answer from the registrar within ${timeoutMs} ms`;
  if (registration() !== 'failed') {
    state.registration = 'failed';
    state.registrationError = reason;
    changed();
  }
  throw new Error(`registration of ${opts.user} failed: ${reason}`);
}

async function unregister(): Promise<void> {
  wantRegistered = false;
  const reg = registerer;
  if (reg && reg.state === RegistererState.Registered && state.transport === 'connected') {
    await reg.unregister().catch((error: unknown) => log(`un-REGISTER failed: ${describeError(error)}`));
  }
  state.registration = 'unregistered';
  changed();
}

async function shutdown(): Promise<void> {
  if (reconnectTimer !== undefined) clearTimeout(reconnectTimer);
  reconnectTimer = undefined;
  if (session) await hangup().catch(() => undefined);
  if (ua) {
    await unregister();
    const agent = ua;
    generation += 1;
    ua = undefined;
    registerer = undefined;
    await agent.stop().catch(() => undefined);
  }
  state.transport = 'disconnected';
  state.registration = 'unregistered';
  changed();
}

// ---------------------------------------------------------------- calls

function currentSession(what: string): Session {
  if (!session) throw new Error(`${what}: no call`);
  return session;
}

// How each call ended; the first reason recorded wins (a local hang-up beats the 487 that follows).
const endings = new WeakMap<Session, CallEnd>();
let endedSession: Session | undefined;

function endCall(s: Session, end: CallEnd): void {
  if (!endings.has(s)) endings.set(s, end);
  // sip.js reports a rejection after the session is already Terminated: update the record.
  if (s === endedSession) {
    state.lastCallEnd = endings.get(s);
    changed();
  }
}

/**
 * SDP without RFC 4733 telephone-event (rtpmap/fmtp/rtcp-fb lines and the m= payload type):
 * the phone plays an endpoint that takes DTMF only as SIP INFO, so the far end must fall back.
 */
function withoutTelephoneEvent(description: RTCSessionDescriptionInit): Promise<RTCSessionDescriptionInit> {
  const sdp = description.sdp ?? '';
  const types = [...sdp.matchAll(/^a=rtpmap:(\d+) telephone-event\/\d+/gim)].map((m) => m[1] ?? '');
  if (types.length === 0) return Promise.resolve(description);
  const lines = sdp
    .split('\r\n')
    .filter((line) => !types.some((pt) => line.startsWith(`a=rtpmap:${pt} `) || line.startsWith(`a=fmtp:${pt} `) || line.startsWith(`a=rtcp-fb:${pt} `)))
    .map((line) => (line.startsWith('m=audio ') ? line.split(' ').filter((token, i) => i < 3 || !types.includes(token)).join(' ') : line));
  return Promise.resolve({ ...description, sdp: lines.join('\r\n') });
}

/** SDP modifiers for every offer and answer of this phone (none unless `telephoneEvent: false`). */
function sdpModifiers(): Array<(d: RTCSessionDescriptionInit) => Promise<RTCSessionDescriptionInit>> {
  return options.telephoneEvent === false ? [withoutTelephoneEvent] : [];
}

function track(s: Session, direction: 'inbound' | 'outbound'): void {
  session = s;
  s.sessionDescriptionHandlerModifiersReInvite = sdpModifiers();
  state.call = direction === 'inbound' ? 'ringing' : 'calling';
  state.direction = direction;
  state.held = false;
  state.lastCallEnd = undefined;
  s.delegate = {
    onInfo: (info) => onInfo(info),
    onRefer: (referral) => onRefer(s, referral),
    onBye: () => endCall(s, { code: 0, reason: 'remote hung up', by: 'remote' }),
  };
  s.stateChange.addListener((next) => {
    log(`call ${direction} ${next}`);
    if (s !== session) return;
    switch (next) {
      case SessionState.Established:
        state.call = 'established';
        attachRemoteAudio(s);
        watchMedia(s);
        break;
      case SessionState.Terminated:
        state.call = 'terminated';
        state.held = false;
        state.lastCallEnd = endings.get(s) ?? { code: 0, reason: 'ended', by: 'remote' };
        endedSession = s;
        session = undefined;
        break;
      default:
        break;
    }
    changed();
  });
  changed();
}

function onInvite(invitation: Invitation): void {
  state.incomingCount += 1;
  const request = invitation.request;
  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries(request.headers)) {
    const lower = name.toLowerCase();
    if (lower.startsWith('x-') || lower === 'p-asserted-identity') {
      headers[lower] = values.map((v) => v.raw).join(', ');
    }
  }
  const info: IncomingCallInfo = {
    fromUser: invitation.remoteIdentity.uri.user ?? '',
    fromDisplayName: invitation.remoteIdentity.displayName ?? '',
    from: request.getHeader('From') ?? '',
    headers,
  };
  state.incoming = info;
  log(`incoming call from "${info.fromDisplayName}" <${info.fromUser}>`);
  const replacee = invitation.replacee;
  if (session && replacee === session) {
    // Attended transfer: the new call (with Replaces) takes over; the replaced one ends.
    log('INVITE with Replaces: taking over the current call');
    const old = session;
    endCall(old, { code: 0, reason: 'replaced', by: 'remote' });
    track(invitation, 'inbound');
    invitation
      .accept({ sessionDescriptionHandlerModifiers: sdpModifiers() })
      .then(() => (old.state === SessionState.Established ? old.bye() : undefined))
      .catch((error: unknown) => log(`taking over (Replaces) failed: ${describeError(error)}`));
    return;
  }
  if (session) {
    log('busy: rejecting the new call with 486');
    invitation.reject({ statusCode: 486 }).catch((error: unknown) => log(`reject failed: ${describeError(error)}`));
    return;
  }
  track(invitation, 'inbound');
  if (options.autoAnswer) {
    setTimeout(() => {
      if (session === invitation && invitation.state === SessionState.Initial) {
        answer().catch((error: unknown) => log(`auto-answer failed: ${describeError(error)}`));
      }
    }, options.autoAnswerDelayMs ?? 0);
  }
}

function onInfo(info: Info): void {
  const contentType = (info.request.getHeader('Content-Type') ?? '').toLowerCase();
  const body = info.request.body ?? '';
  let digit: string | undefined;
  if (contentType.startsWith('application/dtmf-relay')) {
    digit = /Signal\s*=\s*([0-9A-D*#])/i.exec(body)?.[1];
  } else if (contentType.startsWith('application/dtmf')) {
    digit = /^\s*([0-9A-D*#])/i.exec(body)?.[1];
  }
  if (digit === undefined) {
    log(`INFO with ${contentType || 'no body'} rejected (415)`);
    info.reject({ statusCode: 415 }).catch(() => undefined);
    return;
  }
  state.receivedDtmf += digit.toUpperCase();
  log(`DTMF received via INFO: ${digit}`);
  info.accept().catch(() => undefined);
}

function onRefer(original: Session, referral: Referral): void {
  log(`REFER received: transferring to ${referral.referTo.uri.toString()}`);
  referral
    .accept()
    .then(() => {
      const inviter = referral.makeInviter({ sessionDescriptionHandlerModifiers: sdpModifiers() });
      track(inviter, 'outbound');
      // The transferor usually sends BYE itself; make sure the old leg ends anyway.
      if (original.state === SessionState.Established) original.bye().catch(() => undefined);
      return inviter.invite();
    })
    .catch((error: unknown) => log(`transfer failed: ${describeError(error)}`));
}

function targetUri(target: string): string {
  if (target.startsWith('sip:')) return target;
  if (!/^[A-Za-z0-9_.+*#-]+$/.test(target)) {
    throw new Error(`target: expected an extension like 1001 or a sip: URI, got ${JSON.stringify(target)}`);
  }
  return `sip:${target}@${options.domain}`;
}

async function call(target: string, callOptions: CallOptions = {}): Promise<void> {
  if (!ua || state.registration !== 'registered') throw new Error('call: the phone is not registered');
  if (session) throw new Error('call: there is already a call');
  const uri = UserAgent.makeURI(targetUri(target));
  if (!uri) throw new Error(`target: not a valid SIP URI: ${target}`);
  const extraHeaders = Object.entries(callOptions.headers ?? {}).map(([name, value]) => {
    if (!/^[A-Za-z0-9-]+$/.test(name)) throw new Error(`headers: invalid header name ${JSON.stringify(name)}`);
    return `${name}: ${value}`;
  });
  const fromUser = callOptions.fromUser;
  if (fromUser !== undefined && !/^\+?[A-Za-z0-9_.-]+$/.test(fromUser)) {
    throw new Error(`fromUser: expected a phone number like +8613800138000, got ${JSON.stringify(fromUser)}`);
  }
  const inviter = new Inviter(ua, uri, {
    sessionDescriptionHandlerModifiers: sdpModifiers(),
    extraHeaders,
    params: {
      ...(fromUser !== undefined ? { fromUri: `sip:${fromUser}@${options.domain}` } : {}),
      ...(callOptions.fromDisplayName !== undefined ? { fromDisplayName: callOptions.fromDisplayName } : {}),
    },
  });
  track(inviter, 'outbound');
  log(`calling ${uri.toString()}${fromUser ? ` as ${fromUser}` : ''}`);
  await inviter.invite({
    requestDelegate: {
      onReject: (response) => {
        const { statusCode = 0, reasonPhrase = '' } = response.message;
        endCall(inviter, { code: statusCode, reason: reasonPhrase, by: 'remote' });
        log(`call rejected: ${statusCode} ${reasonPhrase}`);
      },
    },
  });
}

async function answer(): Promise<void> {
  const s = currentSession('answer');
  if (!(s instanceof Invitation) || s.state !== SessionState.Initial) throw new Error('answer: no ringing call');
  await s.accept({ sessionDescriptionHandlerModifiers: sdpModifiers() });
}

async function reject(code = 486): Promise<void> {
  const s = currentSession('reject');
  if (!(s instanceof Invitation) || s.state !== SessionState.Initial) throw new Error('reject: no ringing call');
  if (!Number.isInteger(code) || code < 400 || code > 699) throw new Error(`code: expected 400–699, got ${code}`);
  endCall(s, { code, reason: 'rejected', by: 'local' });
  await s.reject({ statusCode: code });
}

async function hangup(): Promise<void> {
  const s = session;
  if (!s) return;
  endCall(s, { code: 0, reason: 'hung up', by: 'local' });
  switch (s.state) {
    case SessionState.Initial:
    case SessionState.Establishing:
      if (s instanceof Inviter) await s.cancel();
      else if (s instanceof Invitation) await s.reject();
      return;
    case SessionState.Established:
      await s.bye();
      return;
    default:
      return;
  }
}

async function setHold(hold: boolean): Promise<void> {
  const what = hold ? 'hold' : 'unhold';
  const s = currentSession(what);
  if (s.state !== SessionState.Established) throw new Error(`${what}: the call is not established`);
  const sdhOptions = s.sessionDescriptionHandlerOptionsReInvite as Web.SessionDescriptionHandlerOptions;
  sdhOptions.hold = hold;
  s.sessionDescriptionHandlerOptionsReInvite = sdhOptions;
  await new Promise<void>((resolve, fail) => {
    s.invite({
      requestDelegate: {
        onAccept: () => {
          state.held = hold;
          const sdh = s.sessionDescriptionHandler as Web.SessionDescriptionHandler | undefined;
          // Like sip.js's SessionManager: no sound in either direction while held.
          sdh?.enableReceiverTracks(!hold);
          sdh?.enableSenderTracks(!hold);
          log(hold ? 'call held' : 'call resumed');
          resolve();
        },
        onReject: (response) => fail(new Error(`${what}: re-INVITE rejected with ${response.message.statusCode}`)),
      },
    }).catch(fail);
  });
}

async function transfer(target: string): Promise<void> {
  const s = currentSession('transfer');
  if (s.state !== SessionState.Established) throw new Error('transfer: the call is not established');
  const uri = UserAgent.makeURI(targetUri(target));
  if (!uri) throw new Error(`target: not a valid SIP URI: ${target}`);
  await new Promise<void>((resolve, fail) => {
    s.refer(uri, {
      requestDelegate: {
        onAccept: () => resolve(),
        onReject: (response) => fail(new Error(`transfer: REFER rejected with ${response.message.statusCode}`)),
      },
    }).catch(fail);
  });
  log(`transferred to ${uri.toString()}`);
  await hangup();
}

async function sendDtmf(digits: string, dtmfOptions: { via?: DtmfVia; durationMs?: number } = {}): Promise<void> {
  if (typeof digits !== 'string' || !/^[0-9A-D*#]+$/i.test(digits)) {
    throw new Error(`digits: expected 0-9, *, #, A-D, got ${JSON.stringify(digits)}`);
  }
  const s = currentSession('sendDtmf');
  if (s.state !== SessionState.Established) throw new Error('sendDtmf: the call is not established');
  const via = dtmfOptions.via ?? 'info';
  const duration = dtmfOptions.durationMs ?? 100;
  if (via === 'rtp' || via === 'both') {
    // RFC 4733 telephone-events in the RTP stream. Browsers cannot *receive* these (WebRTC has
    // no API for incoming DTMF) — a browser receiver sees only SIP INFO.
    const sdh = s.sessionDescriptionHandler as Web.SessionDescriptionHandler | undefined;
    if (!sdh?.sendDtmf(digits, { duration, interToneGap: 70 })) throw new Error('sendDtmf: RTP DTMF is not available');
  }
  if (via === 'info' || via === 'both') {
    for (const digit of digits) {
      await s.info({
        requestOptions: {
          body: { contentDisposition: 'render', contentType: 'application/dtmf-relay', content: `Signal=${digit}\r\nDuration=${duration}` },
        },
      });
    }
  }
  state.sentDtmf += digits.toUpperCase();
  log(`DTMF sent via ${via}: ${digits}`);
}

async function stats(): Promise<RtpStats> {
  const result: RtpStats = { inboundBytes: 0, inboundPackets: 0, outboundBytes: 0, outboundPackets: 0, candidatePair: undefined };
  const sdh = session?.sessionDescriptionHandler as Web.SessionDescriptionHandler | undefined;
  const pc = sdh?.peerConnection;
  if (!pc) return result;
  const report = await pc.getStats();
  const byId = new Map<string, Record<string, unknown>>();
  report.forEach((entry: Record<string, unknown>) => byId.set(entry.id as string, entry));
  for (const entry of byId.values()) {
    if (entry.type === 'inbound-rtp' && entry.kind === 'audio') {
      result.inboundBytes += Number(entry.bytesReceived ?? 0);
      result.inboundPackets += Number(entry.packetsReceived ?? 0);
    } else if (entry.type === 'outbound-rtp' && entry.kind === 'audio') {
      result.outboundBytes += Number(entry.bytesSent ?? 0);
      result.outboundPackets += Number(entry.packetsSent ?? 0);
    } else if (entry.type === 'transport' && typeof entry.selectedCandidatePairId === 'string') {
      const pair = byId.get(entry.selectedCandidatePairId);
      const local = pair && byId.get(pair.localCandidateId as string);
      const remote = pair && byId.get(pair.remoteCandidateId as string);
      if (local && remote) {
        result.candidatePair = `${String(local.address)}:${String(local.port)} -> ${String(remote.address)}:${String(remote.port)}`;
      }
    }
  }
  return result;
}

// ---------------------------------------------------------------- media element

const remoteAudio = document.createElement('audio');
remoteAudio.autoplay = true;
document.body.append(remoteAudio);

function attachRemoteAudio(s: Session): void {
  const sdh = s.sessionDescriptionHandler as Web.SessionDescriptionHandler | undefined;
  if (!sdh) return;
  remoteAudio.srcObject = sdh.remoteMediaStream;
  remoteAudio.play().catch(() => undefined); // headless or no user gesture: stats still count
}

/**
 * SOFTPHONE: end a call whose media connection failed. When the WebSocket drops (proxy restart,
 * network change) the phone re-registers on a new connection, but requests inside an existing
 * dialog (BYE, re-INVITE, INFO) are still routed to the old, dead one: a remote hang-up never
 * arrives. The peer's ICE consent checks stop answering, and Chromium reports the connection
 * "failed" (after "disconnected"): that is the signal to end the call locally.
 */
function watchMedia(s: Session): void {
  const pc = (s.sessionDescriptionHandler as Web.SessionDescriptionHandler | undefined)?.peerConnection;
  if (!pc) return;
  pc.addEventListener('connectionstatechange', () => {
    log(`media connection ${pc.connectionState}`);
    if (pc.connectionState === 'failed' && s === session && s.state === SessionState.Established) {
      endCall(s, { code: 0, reason: 'media connection failed', by: 'error' });
      s.bye().catch(() => undefined);
    }
  });
}

// ---------------------------------------------------------------- the API

const api: CustomerPhoneApi = {
  register,
  unregister,
  call,
  answer,
  reject,
  hangup,
  hold: () => setHold(true),
  unhold: () => setHold(false),
  transfer,
  sendDtmf,
  stats,
  get state() {
    return { ...state };
  },
  events: () => [...eventLog],
  shutdown,
  get receivedDtmf() {
    return state.receivedDtmf;
  },
};

(window as unknown as { customerPhone: CustomerPhoneApi }).customerPhone = api;

// ---------------------------------------------------------------- the visible UI

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`index.html: #${id} is missing`);
  return element as T;
}

function setupUi(): void {
  const params = new URLSearchParams(location.search);
  const wsInput = byId<HTMLInputElement>('ws');
  const userInput = byId<HTMLInputElement>('user');
  const passwordInput = byId<HTMLInputElement>('password');
  const numberInput = byId<HTMLInputElement>('number');
  const fromInput = byId<HTMLInputElement>('from');
  const autoAnswerInput = byId<HTMLInputElement>('auto-answer');
  const status = byId<HTMLElement>('status');
  const events = byId<HTMLElement>('events');

  wsInput.value = params.get('ws') ?? `ws://127.0.0.1:8088`;
  userInput.value = params.get('user') ?? '2001';
  passwordInput.value = params.get('password') ?? '';
  numberInput.value = params.get('number') ?? '1001';
  fromInput.value = params.get('from') ?? '';
  autoAnswerInput.checked = params.get('autoAnswer') === '1';

  const run = (action: () => Promise<unknown>) => () => {
    action().catch((error: unknown) => log(`error: ${describeError(error)}`));
  };
  const doRegister = () =>
    register({
      wsUrl: wsInput.value,
      user: userInput.value,
      ...(passwordInput.value ? { password: passwordInput.value } : {}),
      autoAnswer: autoAnswerInput.checked,
    });
  byId('register').addEventListener('click', run(doRegister));
  byId('call').addEventListener('click', run(() => call(numberInput.value, fromInput.value ? { fromUser: fromInput.value } : {})));
  byId('answer').addEventListener('click', run(answer));
  byId('hangup').addEventListener('click', run(hangup));
  byId('hold').addEventListener('click', run(() => setHold(!state.held)));
  for (const key of document.querySelectorAll<HTMLButtonElement>('[data-dtmf]')) {
    key.addEventListener('click', run(() => sendDtmf(key.dataset.dtmf ?? '')));
  }

  const render = () => {
    const call = state.call === 'established' && state.held ? 'held' : state.call;
    status.textContent =
      `${state.user ?? '—'} · ${state.registration}${state.registrationError ? ` (${state.registrationError})` : ''}` +
      ` · call: ${call}${state.incoming && state.call === 'ringing' ? ` from ${state.incoming.fromDisplayName} <${state.incoming.fromUser}>` : ''}` +
      (state.receivedDtmf ? ` · DTMF in: ${state.receivedDtmf}` : '');
    status.dataset.registration = state.registration;
    status.dataset.call = state.call;
    events.textContent = eventLog.slice(-40).join('\n');
  };
  listeners.add(render);
  render();
  if (params.get('autoRegister') === '1') run(doRegister)();
}

setupUi();
