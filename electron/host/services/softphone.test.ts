import { afterEach, describe, expect, it } from 'vitest';
import { smallHost } from './test-host';

const settings = {
  wsUrl: 'ws://127.0.0.1:8088',
  domain: 'huifang.test',
  extension: '1001',
  authorizationUsername: '1001',
  displayName: 'Agent 1001',
  wrapUpLimitSec: 60,
  whenNotAvailable: 'busy' as const,
  callWaiting: true,
};

let host: ReturnType<typeof smallHost>;
afterEach(() => host.close());

describe('softphone settings', () => {
  it('start empty and ask for a password', async () => {
    host = smallHost();
    expect(await host.call('getSoftphoneSettings', {})).toEqual({ settings: null, password: 'missing' });
    await expect(host.call('softphoneCredentials', {})).rejects.toThrow(/no SIP password is stored/);
  });

  it('keep the password sealed in the store and hand it only to the softphone', async () => {
    host = smallHost();
    const saved = await host.call('saveSoftphoneSettings', { settings, password: 'pass1001-秘' });
    expect(saved).toEqual({ settings, password: 'stored' });
    const rows = host.db.prepare('SELECT * FROM secrets').all() as Array<{ ciphertext: Buffer }>;
    expect(rows).toHaveLength(1);
    expect(rows[0]?.ciphertext.toString('utf8')).not.toContain('pass1001');
    expect(JSON.stringify(host.db.prepare('SELECT * FROM store_meta').all())).not.toContain('pass1001');
    expect(await host.call('softphoneCredentials', {})).toEqual({ password: 'pass1001-秘' });
  });

  it('keep the stored password when settings are saved without one', async () => {
    host = smallHost();
    await host.call('saveSoftphoneSettings', { settings, password: 'first' });
    await host.call('saveSoftphoneSettings', { settings: { ...settings, extension: '1002' } });
    expect(await host.call('softphoneCredentials', {})).toEqual({ password: 'first' });
  });

  it('refuse a bad server address by field, changing nothing', async () => {
    host = smallHost();
    await expect(host.call('saveSoftphoneSettings', { settings: { ...settings, wsUrl: 'http://pbx' }, password: 'x' })).rejects.toMatchObject({
      field: 'settings.wsUrl',
    });
    expect(await host.call('getSoftphoneSettings', {})).toEqual({ settings: null, password: 'missing' });
  });
});

const call = {
  direction: 'inbound' as const,
  from: '+8613800138000',
  to: '1001',
  ringAt: '2026-11-25T08:00:00.000Z',
  answeredAt: '2026-11-25T08:00:04.000Z',
  endedAt: '2026-11-25T08:01:04.000Z',
  durationSec: 60,
  agent: '1001',
  disposition: 'resolved',
  notes: '客户询问退货进度',
  quality: { mos: 4.4, jitterMs: 2, lossPct: 0, rttMs: 1 },
};

describe('recordCall', () => {
  it('puts the call at the top of the customer history and queues it for the server, once', async () => {
    host = smallHost();
    const input = { callId: 'ua1-line-1', customerId: 'c-zw', occurredAt: call.ringAt, payload: call };
    const saved = await host.call('recordCall', input);
    expect(saved.eventId).toBe('call-ua1-line-1');
    await host.call('recordCall', input); // a retry after a lost reply
    const page = await host.call('historyPage', { customerId: 'c-zw', kinds: ['call'], limit: 5 });
    expect(page.events[0]).toMatchObject({ id: 'call-ua1-line-1', kind: 'call', payload: { notes: '客户询问退货进度', durationSec: 60 } });
    expect(page.events.filter((e) => e.id === 'call-ua1-line-1')).toHaveLength(1);
    expect(host.db.prepare("SELECT count(*) AS n FROM outbox WHERE op_id = 'ua1-line-1'").get()).toEqual({ n: 1 });
  });

  it('keeps calls from unknown callers for the server even without a customer', async () => {
    host = smallHost();
    const saved = await host.call('recordCall', { callId: 'ua1-line-2', customerId: null, occurredAt: call.ringAt, payload: { ...call, from: 'anonymous' } });
    expect(saved.eventId).toBeNull();
    expect(host.db.prepare("SELECT kind FROM outbox WHERE op_id = 'ua1-line-2'").get()).toEqual({ kind: 'call' });
  });

  it('refuses a call for a customer that does not exist, writing nothing', async () => {
    host = smallHost();
    await expect(host.call('recordCall', { callId: 'x', customerId: 'nobody', occurredAt: call.ringAt, payload: call })).rejects.toMatchObject({ field: 'customerId' });
    expect(host.db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
  });
});

describe('recordAgentState and createCustomer', () => {
  it('logs each state change with its time and break reason', async () => {
    host = smallHost();
    await host.call('recordAgentState', { agent: '1001', state: 'available', fromState: 'offline', breakReason: null, cause: 'login', at: '2026-11-25T08:00:00Z' });
    await host.call('recordAgentState', { agent: '1001', state: 'break', fromState: 'available', breakReason: 'lunch', cause: 'start_break', at: '2026-11-25T12:00:00Z' });
    expect(host.db.prepare('SELECT state, break_reason, at FROM agent_state_log ORDER BY seq').all()).toEqual([
      { state: 'available', break_reason: null, at: Date.parse('2026-11-25T08:00:00Z') },
      { state: 'break', break_reason: 'lunch', at: Date.parse('2026-11-25T12:00:00Z') },
    ]);
  });

  it('creates a customer from an unknown caller, found by that number afterwards', async () => {
    host = smallHost();
    const view = await host.call('createCustomer', { name: '赵敏', phone: 'sip:13600136000@pbx' });
    expect(view.customer.name).toBe('赵敏');
    expect(view.phones[0]?.e164).toBe('+8613600136000');
    const pop = await host.call('lookupCaller', { raw: '13600136000' });
    expect(pop).toMatchObject({ status: 'matched', view: { customer: { name: '赵敏' } } });
    await expect(host.call('createCustomer', { name: '赵敏', phone: 'garbage' })).rejects.toMatchObject({ field: 'phone' });
  });
});
