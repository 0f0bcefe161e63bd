import { Invitation, Inviter, SessionState, UserAgent, type Session, type URI, type Web } from 'sip.js';
import { callerIdFromHeaders, displayNameOf, type CallerIdInput } from '../../shared/calls/caller-id';
import { LineAudio, setAudioSending, switchMicrophone } from './media';
import { dtmfFromInfo, isDtmfDigit, newLine, type Line } from './lines';
import { readQuality } from './quality';
import { RegistrationKeeper, type RegistrationStatus } from './registration-keeper';
import { createSipStack, type SipStack } from './sip-port';
import type { SipSettings } from './settings';

export interface SoftphoneDelegate {
  /** Every change of any line; the store mirrors it. */
  linesChanged(lines: Line[]): void;
  registrationChanged(status: RegistrationStatus): void;
  /** A new INVITE, before it rings: the agent state decides between ringing and 486 Busy Here. */
  decideInbound(callerId: CallerIdInput): 'ring' | 'busy';
  /** A line reached its end: write the call to history. */
  lineEnded(line: Line): void;
}

interface LineRecord {
  line: Line;
  session: Session;
  audio: LineAudio;
  statsTimer: ReturnType<typeof setInterval> | null;
  previousStats: { packetsReceived: number; packetsLost: number } | null;
}

const STATS_INTERVAL_MS = 2_000;
const AUDIO_ONLY = { constraints: { audio: true, video: false } };

/**
 * The agent's phone: one sip.js user agent, a registration keeper, and any number of lines (call
 * waiting, consultation). At most one line is un-held at a time; answering or dialling holds the rest.
 */
export class Softphone {
  private stack: SipStack | null = null;
  private keeper: RegistrationKeeper | null = null;
  private readonly lines = new Map<string, LineRecord>();
  private outputDeviceId: string | null = null;
  private inputDeviceId: string | null = null;
  private settings: SipSettings | null = null;
  private seq = 0;
  private readonly onOnline = () => this.keeper?.networkChanged();

  constructor(
    private readonly delegate: SoftphoneDelegate,
    private readonly now: () => number = Date.now,
  ) {}

  start(settings: SipSettings): void {
    if (this.stack) throw new Error('softphone already started');
    this.settings = settings;
    this.stack = createSipStack(settings, { onInvite: (invitation) => this.onInvite(invitation) });
    this.keeper = new RegistrationKeeper(this.stack.port, { now: this.now, setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) });
    this.keeper.subscribe((status) => this.delegate.registrationChanged(status));
    window.addEventListener('online', this.onOnline);
    this.keeper.start();
  }

  async stop(): Promise<void> {
    window.removeEventListener('online', this.onOnline);
    for (const record of this.lines.values()) await this.hangup(record.line.id).catch(() => undefined);
    await this.keeper?.stop();
    await this.stack?.userAgent.stop().catch(() => undefined);
    this.stack = null;
    this.keeper = null;
  }

  get registration(): RegistrationStatus {
    return this.keeper?.current ?? { state: 'idle' };
  }

  /** Dial a number or extension; other lines go on hold first. */
  async dial(target: string, extraHeaders: string[] = []): Promise<string> {
    const { userAgent } = this.requireStack();
    // Keep '+' and digits as they are: an E.164 user part ("+8613800138000") is what the PBX routes on.
    const user = target.replace(/[\s().-]/g, '');
    const uri = /^\+?[0-9A-Za-z*#_]{1,64}$/.test(user) ? UserAgent.makeURI(`sip:${user}@${this.requireSettings().domain}`) : undefined;
    if (!uri) throw new Error(`cannot dial ${target}`);
    await this.holdAllExcept(null);
    const inviter = new Inviter(userAgent, uri, { sessionDescriptionHandlerOptions: AUDIO_ONLY, extraHeaders });
    const id = this.track(inviter, newLine(this.nextId(), 'outbound', target, this.now()));
    await inviter.invite({
      requestDelegate: {
        onReject: (response) => this.end(id, `rejected ${response.message.statusCode}`),
      },
    });
    return id;
  }

  async answer(lineId: string): Promise<void> {
    const record = this.record(lineId);
    if (!(record.session instanceof Invitation) || record.line.state !== 'ringing') return;
    await this.holdAllExcept(lineId);
    await record.session.accept({ sessionDescriptionHandlerOptions: AUDIO_ONLY });
  }

  async reject(lineId: string, statusCode = 486): Promise<void> {
    const record = this.record(lineId);
    if (record.session instanceof Invitation && record.session.state === SessionState.Initial) {
      await record.session.reject({ statusCode });
      this.end(lineId, `rejected ${statusCode}`);
    }
  }

  async hangup(lineId: string): Promise<void> {
    const record = this.lines.get(lineId);
    if (!record) return;
    const { session } = record;
    if (session.state === SessionState.Established) await session.bye();
    else if (session instanceof Inviter && session.state === SessionState.Establishing) await session.cancel();
    else if (session instanceof Invitation && session.state === SessionState.Initial) await session.reject({ statusCode: 486 });
    this.end(lineId, 'hangup');
  }

  async hold(lineId: string, hold = true): Promise<void> {
    const record = this.record(lineId);
    if (record.session.state !== SessionState.Established) return;
    if ((record.line.state === 'held') === hold) return;
    if (!hold) await this.holdAllExcept(lineId);
    const sdh = this.sdh(record);
    // The held caller hears nothing from the moment the agent holds, not only once the re-INVITE
    // is answered: the line stops sending RTP at once (see setAudioSending for why a disabled track
    // is not enough), and sends again if the far end refuses the hold.
    if (hold) await setAudioSending(sdh?.peerConnection, false);
    // sip.js's web SDH turns `hold` into a=sendonly in the re-INVITE.
    record.session.sessionDescriptionHandlerOptionsReInvite = { hold } as Web.SessionDescriptionHandlerOptions;
    try {
      await new Promise<void>((resolve, reject) => {
        record.session
          .invite({
            requestDelegate: { onAccept: () => resolve(), onReject: (r) => reject(new Error(`hold refused: ${r.message.statusCode}`)) },
          })
          .catch(reject);
      });
    } catch (error) {
      if (hold) await setAudioSending(sdh?.peerConnection, true).catch(() => undefined);
      throw error;
    }
    this.update(lineId, { state: hold ? 'held' : 'active' });
    if (!hold) await setAudioSending(sdh?.peerConnection, true);
    // The re-INVITE only changes the SDP direction; the tracks follow too (the agent does not hear
    // the held caller; mute survives hold/resume).
    sdh?.enableSenderTracks(!hold && !record.line.muted);
    sdh?.enableReceiverTracks(!hold);
  }

  mute(lineId: string, muted: boolean): void {
    const record = this.record(lineId);
    if (record.line.state !== 'held') this.sdh(record)?.enableSenderTracks(!muted);
    this.update(lineId, { muted });
  }

  /** RFC 4733 telephone-events; SIP INFO when the far end did not negotiate them. */
  async sendDtmf(lineId: string, digit: string): Promise<'rfc4733' | 'info'> {
    if (!isDtmfDigit(digit)) throw new Error(`not a DTMF digit: ${digit}`);
    const record = this.record(lineId);
    const sdh = this.sdh(record);
    let via: 'rfc4733' | 'info' = 'rfc4733';
    if (!sdh?.sendDtmf(digit, { duration: 160, interToneGap: 70 })) {
      via = 'info';
      await record.session.info({
        requestOptions: { body: { contentDisposition: 'render', contentType: 'application/dtmf-relay', content: `Signal=${digit}\r\nDuration=160` } },
      });
    }
    this.update(lineId, { dtmfSent: record.line.dtmfSent + digit });
    return via;
  }

  /** Blind transfer: REFER the caller to the target, then leave. */
  async blindTransfer(lineId: string, target: string): Promise<void> {
    const record = this.record(lineId);
    const uri = UserAgent.makeURI(`sip:${target}@${this.requireSettings().domain}`);
    if (!uri) throw new Error(`cannot transfer to ${target}`);
    await this.refer(record.session, uri);
    this.end(lineId, 'transferred');
  }

  /** Attended transfer: REFER the held caller to the consultation line (with Replaces), then leave both. */
  async attendedTransfer(lineId: string, consultLineId: string): Promise<void> {
    const record = this.record(lineId);
    const consult = this.record(consultLineId);
    await this.refer(record.session, replacesTarget(consult.session));
    this.end(lineId, 'transferred');
    this.end(consultLineId, 'transferred');
  }

  /** Call waiting: put the active line on hold and take the held (or ringing) one. */
  async swap(): Promise<void> {
    const active = [...this.lines.values()].find((r) => r.line.state === 'active');
    const other = [...this.lines.values()].find((r) => r !== active && (r.line.state === 'held' || r.line.state === 'ringing'));
    if (!other) return;
    if (other.line.state === 'ringing') await this.answer(other.line.id);
    else await this.hold(other.line.id, false);
  }

  async setOutputDevice(deviceId: string): Promise<void> {
    this.outputDeviceId = deviceId;
    await Promise.all([...this.lines.values()].map((r) => r.audio.setOutput(deviceId)));
  }

  async setInputDevice(deviceId: string): Promise<void> {
    this.inputDeviceId = deviceId;
    await Promise.all([...this.lines.values()].map((r) => this.sdh(r)).filter((s) => s !== undefined).map((s) => switchMicrophone(s, deviceId)));
  }

  get inputDevice(): string | null {
    return this.inputDeviceId;
  }

  snapshot(): Line[] {
    return [...this.lines.values()].map((r) => r.line);
  }

  private onInvite(invitation: Invitation): void {
    const request = invitation.request;
    const callerId = callerIdFromHeaders((name) => (request.hasHeader(name) ? request.getHeader(name) : undefined));
    const remote = invitation.remoteIdentity.uri.user ?? '';
    if (this.delegate.decideInbound(callerId) === 'busy') {
      // 486 so the PBX routes the call to another agent; the agent's screen stays calm.
      void invitation.reject({ statusCode: 486 }).catch(() => undefined);
      return;
    }
    const line = newLine(this.nextId(), 'inbound', remote.slice(0, 64), this.now(), {
      callerId,
      remoteName: displayNameOf(callerId.raw),
    });
    this.track(invitation, line);
  }

  private track(session: Session, line: Line): string {
    const record: LineRecord = { line, session, audio: new LineAudio(this.outputDeviceId), statsTimer: null, previousStats: null };
    this.lines.set(line.id, record);
    session.delegate = {
      onInfo: (info) => {
        const digit = dtmfFromInfo(info.request.getHeader('content-type'), info.request.body);
        void info.accept();
        if (digit) this.update(line.id, { dtmfReceived: record.line.dtmfReceived + digit });
      },
      onSessionDescriptionHandler: (sdh) => record.audio.attach(sdh as Web.SessionDescriptionHandler),
    };
    session.stateChange.addListener((state) => {
      if (state === SessionState.Established) {
        const sdh = this.sdh(record);
        if (sdh) record.audio.attach(sdh);
        this.update(line.id, { state: 'active', answeredAt: this.now() });
        record.statsTimer = setInterval(() => void this.sampleQuality(line.id), STATS_INTERVAL_MS);
      } else if (state === SessionState.Terminated) {
        const reason = record.line.answeredAt === null ? (line.direction === 'inbound' ? 'missed' : 'no answer') : 'remote hangup';
        // sip.js moves an Inviter to Terminated before it calls our onReject with the final response:
        // let that run first, so a declined call ends as "rejected 603", not as a plain "no answer".
        if (session instanceof Inviter && record.line.answeredAt === null) queueMicrotask(() => this.end(line.id, reason));
        else this.end(line.id, reason);
      }
    });
    this.emit();
    return line.id;
  }

  private async sampleQuality(lineId: string): Promise<void> {
    const record = this.lines.get(lineId);
    const pc = record ? this.sdh(record)?.peerConnection : undefined;
    if (!record || !pc) return;
    const { quality, next } = readQuality(await pc.getStats(), record.previousStats);
    record.previousStats = next;
    this.update(lineId, { quality });
  }

  /** Sample now, so a line's last quality reading is fresh when it is written to history. */
  async refreshQuality(lineId: string): Promise<Line | null> {
    await this.sampleQuality(lineId);
    return this.lines.get(lineId)?.line ?? null;
  }

  private end(lineId: string, reason: string): void {
    const record = this.lines.get(lineId);
    if (!record || record.line.state === 'ended') return;
    if (record.statsTimer) clearInterval(record.statsTimer);
    record.audio.dispose();
    this.update(lineId, { state: 'ended', endedAt: this.now(), endReason: record.line.endReason ?? reason });
    this.lines.delete(lineId);
    this.delegate.lineEnded(record.line);
    this.emit();
  }

  private async holdAllExcept(lineId: string | null): Promise<void> {
    const others = [...this.lines.values()].filter((r) => r.line.id !== lineId && r.line.state === 'active');
    for (const record of others) await this.hold(record.line.id, true);
  }

  private refer(session: Session, to: Session | URI): Promise<void> {
    return new Promise((resolve, reject) => {
      session
        .refer(to, {
          requestDelegate: {
            onAccept: () => resolve(),
            onReject: (r) => reject(new Error(`transfer refused: ${r.message.statusCode} ${r.message.reasonPhrase ?? ''}`.trim())),
          },
        })
        .catch(reject);
    });
  }

  private update(lineId: string, patch: Partial<Line>): void {
    const record = this.lines.get(lineId);
    if (!record) return;
    record.line = { ...record.line, ...patch };
    this.emit();
  }

  private emit(): void {
    this.delegate.linesChanged(this.snapshot());
  }

  private sdh(record: LineRecord): Web.SessionDescriptionHandler | undefined {
    return record.session.sessionDescriptionHandler as Web.SessionDescriptionHandler | undefined;
  }

  private record(lineId: string): LineRecord {
    const record = this.lines.get(lineId);
    if (!record) throw new Error(`no such line: ${lineId}`);
    return record;
  }

  private requireStack(): SipStack {
    if (!this.stack) throw new Error('softphone not started');
    return this.stack;
  }

  private requireSettings(): SipSettings {
    if (!this.settings) throw new Error('softphone not started');
    return this.settings;
  }

  private nextId(): string {
    this.seq += 1;
    return `line-${this.seq}`;
  }
}

/**
 * Refer-To for an attended transfer: the consultation party's *address of record* with a Replaces
 * header for the consultation dialog. sip.js puts the party's Contact there instead (for a WebSocket
 * phone an unroutable "…@….invalid;transport=ws" address), which a proxy refuses to relay.
 */
function replacesTarget(consult: Session): URI {
  const dialog = consult.dialog;
  if (!dialog) throw new Error('the consultation call is not connected yet');
  const replaces = encodeURIComponent(`${dialog.callId};to-tag=${dialog.remoteTag};from-tag=${dialog.localTag}`);
  const target = consult.remoteIdentity.uri.clone();
  const text = `<${target.toString()}?Replaces=${replaces}>`;
  // sip.js writes a URI into Refer-To as-is; the headers part needs the name-addr brackets.
  target.toString = () => text;
  return target;
}
