// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ParsedInputOf } from '../../../shared/api/contract';
import { App } from '../../App';
import { createApp } from '../../createApp';
import { createFakeHost } from '../../testing/fakeHost';
import { FakePhone } from '../../testing/fakePhone';
import { make360, makeCustomer, makeHistory } from '../../testing/fixtures';

const settings = {
  wsUrl: 'ws://127.0.0.1:8088',
  domain: 'huifang.test',
  extension: '1001',
  authorizationUsername: '1001',
  displayName: 'Agent',
  wrapUpLimitSec: 60,
  whenNotAvailable: 'busy' as const,
  callWaiting: true,
};

function setup() {
  const zhang = makeCustomer({ id: 'c-zw', name: '张伟' });
  const events = makeHistory(30, Date.parse('2026-11-25T06:00:00Z'), 'c-zw');
  const recorded: Array<ParsedInputOf<'recordCall'>> = [];
  const states: string[] = [];
  const host = createFakeHost(
    { customers: [zhang], history: { 'c-zw': events } },
    {
      getSoftphoneSettings: () => ({ settings, password: 'stored' }),
      softphoneCredentials: () => ({ password: 'pass1001' }),
      lookupCaller: (input) =>
        input.raw.includes('13800138000') ? { status: 'matched', e164: '+8613800138000', view: make360(zhang, events, 50) } : { status: 'unknown', e164: '+8613600136000' },
      recordCall: (input) => {
        recorded.push(input);
        return { eventId: input.customerId ? `call-${input.callId}` : null, savedAt: new Date().toISOString() };
      },
      // The dial-path gate: 13800138000 may be dialled; the do-not-call number never.
      checkDial: ({ number }) =>
        number.replace(/\D/g, '').includes('13900139000')
          ? { ok: false, reason: 'on_dnc_list', message: 'on the do-not-call list', nextAllowedAt: null }
          : { ok: true, e164: number.startsWith('+') ? number : '+8613800138000' },
      recordAgentState: (input) => {
        states.push(input.breakReason ? `${input.state}:${input.breakReason}` : input.state);
        return { seq: states.length };
      },
    },
  );
  let phone: FakePhone | null = null;
  const { stores, i18n } = createApp({
    client: host.client,
    storage: null,
    preferredLanguages: ['en-US'],
    createPhoneEngine: (ev) => (phone = new FakePhone(ev, { answeredAgoMs: 65_000 })),
  });
  const stop = stores.start();
  render(<App stores={stores} i18n={i18n} />);
  return { host, stores, recorded, states, phone: () => phone as unknown as FakePhone, stop };
}

afterEach(cleanup);

describe('softphone in the console', () => {
  it('registers with the stored password and shows the agent Available', async () => {
    const t = setup();
    await waitFor(() => expect(screen.getByTestId('sip-status').dataset['state']).toBe('registered'));
    expect(t.phone().started).toMatchObject({ extension: '1001', password: 'pass1001' });
    expect(screen.getByTestId('agent-state').dataset['state']).toBe('available');
    t.stop();
  });

  it('pops the caller’s history while the line still rings, then records the call with its wrap-up', async () => {
    const t = setup();
    await waitFor(() => expect(t.phone()).not.toBeNull());
    act(() => void t.phone().ring('13800138000', '"张伟" <sip:+8613800138000@pbx>'));
    await waitFor(() => expect(screen.getByTestId('screen-pop').dataset['status']).toBe('matched'));
    expect(screen.getByTestId('line').dataset['state']).toBe('ringing');
    expect(screen.getByTestId('customer-name').textContent).toBe('张伟');
    expect(screen.getByTestId('agent-state').dataset['state']).toBe('ringing');

    fireEvent.click(screen.getByTestId('line-answer'));
    await waitFor(() => expect(screen.getByTestId('agent-state').dataset['state']).toBe('on_call'));
    fireEvent.click(screen.getByTestId('line-hangup'));
    await waitFor(() => expect(screen.getByTestId('wrap-up')).toBeTruthy());
    expect(screen.getByTestId('agent-state').dataset['state']).toBe('wrap_up');

    fireEvent.change(screen.getByTestId('wrap-up-disposition'), { target: { value: 'resolved' } });
    fireEvent.change(screen.getByTestId('wrap-up-notes'), { target: { value: '退货已处理' } });
    fireEvent.click(screen.getByTestId('wrap-up-save'));
    await waitFor(() => expect(screen.getByTestId('wrap-up-saved')).toBeTruthy());
    expect(t.recorded).toHaveLength(1);
    expect(t.recorded[0]).toMatchObject({ customerId: 'c-zw', payload: { direction: 'inbound', disposition: 'resolved', notes: '退货已处理', agent: '1001' } });
    expect(t.recorded[0]?.payload.durationSec).toBeGreaterThanOrEqual(60);
    expect(screen.getByTestId('agent-state').dataset['state']).toBe('available');
    expect(t.states).toEqual(['available', 'ringing', 'on_call', 'wrap_up', 'available']);
    t.stop();
  });

  it('answers busy while on a break, records the break reason, and shows no line', async () => {
    const t = setup();
    await waitFor(() => expect(t.phone()).not.toBeNull());
    fireEvent.click(screen.getByTestId('agent-break'));
    fireEvent.click(screen.getByTestId('agent-break-lunch'));
    expect(screen.getByTestId('agent-state').dataset['state']).toBe('break');
    act(() => void t.phone().ring('13800138000', '<sip:13800138000@pbx>'));
    expect(t.phone().lastDecision).toBe('busy');
    expect(screen.queryByTestId('line')).toBeNull();
    await waitFor(() => expect(t.states).toContain('break:lunch'));
    t.stop();
  });

  it('offers quick create for an unknown caller, and records a missed call by itself', async () => {
    const t = setup();
    await waitFor(() => expect(t.phone()).not.toBeNull());
    let id = '';
    act(() => void (id = t.phone().ring('13600136000', '<sip:13600136000@pbx>').id));
    await waitFor(() => expect(screen.getByTestId('screen-pop').dataset['status']).toBe('unknown'));
    expect(screen.getByTestId('quick-create-name')).toBeTruthy();
    act(() => t.phone().end(id, 'missed'));
    await waitFor(() => expect(t.recorded).toHaveLength(1));
    expect(t.recorded[0]).toMatchObject({ customerId: null, payload: { answeredAt: null, disposition: 'no_answer' } });
    expect(screen.getByTestId('agent-state').dataset['state']).toBe('available');
    t.stop();
  });

  it('dials a customer’s number with one click from the 360 view, and switches the microphone mid-call', async () => {
    const t = setup();
    await waitFor(() => expect(t.phone()).not.toBeNull());
    act(() => void t.phone().ring('13800138000', '<sip:+8613800138000@pbx>'));
    await waitFor(() => expect(screen.getAllByTestId('click-to-dial').length).toBeGreaterThan(0));
    fireEvent.click(screen.getAllByTestId('click-to-dial')[0]!);
    await waitFor(() => expect(t.phone().dial).toHaveBeenCalledWith(expect.stringMatching(/^\+86/)));

    const checked = t.host.callsOf('checkDial')[0] as { number: string; customerId: string };
    expect(checked.number).toMatch(/^\+86/);
    expect(checked.customerId).toBe('c-zw');

    await act(() => t.stores.softphone.getState().setDevice('input', 'usb-headset'));
    expect(t.phone().setInputDevice).toHaveBeenCalledWith('usb-headset');
    expect(t.stores.softphone.getState().devices.input).toBe('usb-headset');
    t.stop();
  });

  it('asks the gate before every dial: a refused number shows why and sends no INVITE', async () => {
    const t = setup();
    await waitFor(() => expect(t.phone()).not.toBeNull());
    fireEvent.change(screen.getByTestId('dial-input'), { target: { value: '139 0013 9000' } });
    fireEvent.click(screen.getByTestId('dial-button'));
    await waitFor(() => expect(screen.getByTestId('dial-refused').dataset['reason']).toBe('on_dnc_list'));
    expect(screen.getByTestId('dial-refused').textContent).toContain('do-not-call');
    expect(t.phone().dial).not.toHaveBeenCalled();

    // An allowed number is dialled as the gate returned it (E.164), not as typed; redial asks again.
    fireEvent.change(screen.getByTestId('dial-input'), { target: { value: '138 0013 8000' } });
    fireEvent.click(screen.getByTestId('dial-button'));
    await waitFor(() => expect(t.phone().dial).toHaveBeenCalledWith('+8613800138000'));
    expect(screen.queryByTestId('dial-refused')).toBeNull();
    fireEvent.click(screen.getByTestId('redial'));
    await waitFor(() => expect(t.phone().dial).toHaveBeenCalledTimes(2));
    expect(t.host.callsOf('checkDial')).toHaveLength(3);

    // A colleague's extension (consultation) is no customer number: dialled as typed, no gate.
    fireEvent.change(screen.getByTestId('dial-input'), { target: { value: '1002' } });
    fireEvent.click(screen.getByTestId('dial-button'));
    await waitFor(() => expect(t.phone().dial).toHaveBeenCalledWith('1002'));
    expect(t.host.callsOf('checkDial')).toHaveLength(3);
    t.stop();
  });
});
