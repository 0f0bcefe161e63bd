import { describe, expect, it } from 'vitest';
import { setAudioSending } from './media';

/** A peer connection with transceivers whose senders remember their parameters, like Chromium's. */
function peerConnection(kinds: Array<'audio' | 'video'>, { stopped = false } = {}) {
  const setCalls: boolean[][] = [];
  const transceivers = kinds.map((kind) => {
    let encodings = [{ active: true }];
    return {
      direction: stopped ? 'stopped' : 'sendrecv',
      receiver: { track: { kind } },
      sender: {
        getParameters: () => ({ transactionId: 't', encodings: encodings.map((e) => ({ ...e })) }),
        setParameters: (parameters: { encodings: { active: boolean }[] }) => {
          encodings = parameters.encodings;
          setCalls.push(encodings.map((e) => e.active));
          return Promise.resolve();
        },
      },
    };
  });
  const pc = { getTransceivers: () => transceivers } as unknown as RTCPeerConnection;
  const active = () => transceivers.map((t) => t.sender.getParameters().encodings.map((e) => e.active));
  return { pc, active, setCalls };
}

describe('setAudioSending (hold stops the line’s RTP, resume restarts it)', () => {
  it('deactivates the audio encodings on hold and reactivates them on resume, leaving video alone', async () => {
    const line = peerConnection(['audio', 'video']);
    await setAudioSending(line.pc, false);
    expect(line.active()).toEqual([[false], [true]]);
    await setAudioSending(line.pc, true);
    expect(line.active()).toEqual([[true], [true]]);
  });

  it('does not renegotiate parameters that are already as asked', async () => {
    const line = peerConnection(['audio']);
    await setAudioSending(line.pc, true);
    await setAudioSending(line.pc, false);
    await setAudioSending(line.pc, false);
    expect(line.setCalls).toEqual([[false]]);
  });

  it('skips stopped transceivers and a line without a peer connection', async () => {
    const line = peerConnection(['audio'], { stopped: true });
    await setAudioSending(line.pc, false);
    expect(line.setCalls).toEqual([]);
    await expect(setAudioSending(undefined, false)).resolves.toBeUndefined();
  });
});
