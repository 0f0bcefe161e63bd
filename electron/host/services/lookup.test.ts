import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smallHost } from './test-host';

let host: ReturnType<typeof smallHost>;
beforeEach(() => {
  host = smallHost();
});
afterEach(() => host.close());

describe('lookupCaller (screen-pop)', () => {
  it('returns the whole customer panel in one call for a known number in a human format', async () => {
    const pop = await host.call('lookupCaller', { raw: '"Zhang" <sip:138-0013-8000@pbx>;tag=1' });
    expect(pop.status).toBe('matched');
    if (pop.status !== 'matched') return;
    expect(pop.e164).toBe('+8613800138000');
    expect(pop.view.customer.name).toBe('张伟');
    expect(pop.view.phones).toHaveLength(2);
    expect(pop.view.counts.call).toBe(15);
    expect(pop.view.firstPage.events).toHaveLength(50);
    expect(pop.view.firstPage.nextCursor).not.toBeNull();
  });

  it('lets the agent choose when a number is shared', async () => {
    const pop = await host.call('lookupCaller', { raw: 'sip:+8613700137000@pbx' });
    expect(pop).toMatchObject({ status: 'multiple', e164: '+8613700137000' });
    expect(pop.status === 'multiple' && pop.candidates.map((c) => c.name)).toEqual(['王芳', '陈静']);
  });

  it('trusts x-customer-id naming a known customer over the caller ID', async () => {
    const pop = await host.call('lookupCaller', { raw: '+8613700137000', headers: { 'x-customer-id': 'c-cj' } });
    expect(pop).toMatchObject({ status: 'matched', e164: '+8613700137000', view: { customer: { name: '陈静' } } });
    const withheld = await host.call('lookupCaller', { raw: 'anonymous', headers: { 'X-Customer-ID': 'c-ej' } });
    expect(withheld).toMatchObject({ status: 'matched', e164: null, view: { customer: { name: 'Emily Johnson' } } });
  });

  it('ignores x-customer-id naming nobody and falls back to the number', async () => {
    const pop = await host.call('lookupCaller', { raw: '+14155550123', headers: { 'x-customer-id': 'no-such-id' } });
    expect(pop).toMatchObject({ status: 'matched', view: { customer: { id: 'c-ej' } } });
  });

  it('says unknown for a valid number nobody has', async () => {
    expect(await host.call('lookupCaller', { raw: '13600136000' })).toEqual({ status: 'unknown', e164: '+8613600136000' });
  });

  it('says anonymous for a withheld number', async () => {
    expect(await host.call('lookupCaller', { raw: '"Anonymous" <sip:anonymous@anonymous.invalid>' })).toEqual({ status: 'anonymous' });
  });

  it('describes an unparsable caller ID with a short, safe excerpt', async () => {
    const pop = await host.call('lookupCaller', { raw: `sip:${'恶'.repeat(490)}\u0007@pbx` });
    expect(pop.status).toBe('invalid');
    if (pop.status !== 'invalid') return;
    expect(pop.reason).toBe('caller ID is too long to be a phone number');
    expect(pop.raw.length).toBeLessThanOrEqual(80);
    expect(pop.raw).not.toContain('\u0007');
  });
});
