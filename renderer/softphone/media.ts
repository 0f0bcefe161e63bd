import type { Web } from 'sip.js';

type SessionDescriptionHandler = Web.SessionDescriptionHandler;

/**
 * Audio plumbing per line: the remote stream into its own <audio> element (so the agent's chosen
 * speaker applies per call via setSinkId), and microphone switching mid-call via replaceTrack.
 */
type SinkableAudio = HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };

export class LineAudio {
  private readonly element: SinkableAudio;

  constructor(outputDeviceId: string | null) {
    this.element = document.createElement('audio');
    this.element.autoplay = true;
    this.element.dataset['huifangLine'] = 'remote-audio';
    document.body.appendChild(this.element);
    if (outputDeviceId) void this.setOutput(outputDeviceId);
  }

  attach(sdh: SessionDescriptionHandler): void {
    this.element.srcObject = sdh.remoteMediaStream;
    void Promise.resolve(this.element.play()).catch(() => undefined);
  }

  async setOutput(deviceId: string): Promise<void> {
    if (typeof this.element.setSinkId === 'function') await this.element.setSinkId(deviceId);
  }

  dispose(): void {
    this.element.srcObject = null;
    this.element.remove();
  }
}

/** Swaps the microphone on a live call without renegotiation. */
export async function switchMicrophone(sdh: SessionDescriptionHandler, deviceId: string): Promise<void> {
  const pc = sdh.peerConnection;
  if (!pc) return;
  const stream = await navigator.mediaDevices.getUserMedia({ audio: { deviceId: { exact: deviceId } }, video: false });
  const [track] = stream.getAudioTracks();
  if (!track) return;
  for (const sender of pc.getSenders()) {
    if (sender.track?.kind === 'audio' || sender.track === null) {
      const old = sender.track;
      track.enabled = old?.enabled ?? true;
      await sender.replaceTrack(track);
      old?.stop();
    }
  }
}

/**
 * Starts or stops the RTP stream of a line's audio senders without renegotiation (the encoding's
 * `active` flag). A disabled track is not enough for hold: it still sends encoded silence, and how
 * much depends on the Opus mode the encoder was in when the track went quiet — a call held within
 * a second or so of being answered (call waiting) kept sending ~1.7 kB/s of it, ~35-byte frames
 * 50 times a second. An inactive encoding sends no RTP at all and survives replaceTrack (a
 * microphone switch during hold) and later re-INVITEs.
 */
export async function setAudioSending(pc: RTCPeerConnection | undefined, sending: boolean): Promise<void> {
  if (!pc) return;
  const senders = pc
    .getTransceivers()
    .filter((t) => t.receiver.track.kind === 'audio' && t.direction !== 'stopped')
    .map((t) => t.sender);
  for (const sender of senders) {
    const parameters = sender.getParameters();
    if (parameters.encodings.length === 0 || parameters.encodings.every((e) => e.active === sending)) continue;
    for (const encoding of parameters.encodings) encoding.active = sending;
    await sender.setParameters(parameters);
  }
}

export interface AudioDevices {
  inputs: MediaDeviceInfo[];
  outputs: MediaDeviceInfo[];
}

export async function listAudioDevices(): Promise<AudioDevices> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  return {
    inputs: devices.filter((d) => d.kind === 'audioinput'),
    outputs: devices.filter((d) => d.kind === 'audiooutput'),
  };
}

/**
 * Microphone level 0–1 for the meter, from an AnalyserNode on the local stream. Returns a stop
 * function; the caller polls `read()` on animation frames.
 */
export function micLevelMeter(stream: MediaStream): { read(): number; stop(): void } {
  const context = new AudioContext();
  const source = context.createMediaStreamSource(stream);
  const analyser = context.createAnalyser();
  analyser.fftSize = 512;
  source.connect(analyser);
  const data = new Float32Array(analyser.fftSize);
  return {
    read() {
      analyser.getFloatTimeDomainData(data);
      let sum = 0;
      for (const v of data) sum += v * v;
      return Math.min(1, Math.sqrt(sum / data.length) * 4);
    },
    stop() {
      source.disconnect();
      void context.close();
    },
  };
}
