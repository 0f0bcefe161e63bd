import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smallHost } from './test-host';

let host: ReturnType<typeof smallHost>;
beforeEach(() => {
  host = smallHost();
});
afterEach(() => host.close());

describe('historyPage and getCustomer', () => {
  it('opens a customer with profile, numbers, kind counts and the newest page', async () => {
    const view = await host.call('getCustomer', { customerId: 'c-zw', pageSize: 10 });
    expect(view?.customer.name).toBe('张伟');
    expect(view?.phones.map((p) => p.e164)).toEqual(['+8613800138000', '+861065529988']);
    expect(view?.counts).toEqual({ call: 15, order: 15, ticket: 15, note: 15, followup: 0, feedback: 0 });
    expect(view?.firstPage.events.map((e) => e.id).slice(0, 2)).toEqual(['zw-059', 'zw-058']);
  });

  it('answers null for an unknown customer', async () => {
    expect(await host.call('getCustomer', { customerId: 'nobody' })).toBeNull();
  });

  it('continues the timeline from the cursor of the previous page, filtered by kind', async () => {
    const first = await host.call('historyPage', { customerId: 'c-zw', kinds: ['order'], limit: 5 });
    const second = await host.call('historyPage', { customerId: 'c-zw', kinds: ['order'], limit: 5, before: first.nextCursor });
    expect(first.events.every((e) => e.kind === 'order')).toBe(true);
    expect(second.events[0]?.id).toBe('zw-037');
    expect(new Set([...first.events, ...second.events].map((e) => e.id)).size).toBe(10);
  });

  it('says not_found for history of an unknown customer, naming the field', async () => {
    await expect(host.call('historyPage', { customerId: 'nobody' })).rejects.toMatchObject({ code: 'not_found', field: 'customerId' });
  });
});
