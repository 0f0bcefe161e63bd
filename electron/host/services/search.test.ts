import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smallHost } from './test-host';

let host: ReturnType<typeof smallHost>;
beforeEach(() => {
  host = smallHost();
});
afterEach(() => host.close());

describe('searchCustomers', () => {
  it.each(['138 0013 8000', '+86 138-0013-8000', '008613800138000', '(138) 0013 8000', 'tel:+8613800138000'])(
    'finds 张伟 by the number typed as "%s"',
    async (query) => {
      const result = await host.call('searchCustomers', { query });
      expect(result).toMatchObject({ interpretedAs: 'phone', e164: '+8613800138000', invalidNumber: false });
      expect(result.results.map((c) => c.name)).toEqual(['张伟']);
    },
  );

  it('finds a customer by a secondary (landline) number', async () => {
    const result = await host.call('searchCustomers', { query: '010 6552 9988' });
    expect(result.results.map((c) => [c.name, c.phone])).toEqual([['张伟', '+861065529988']]);
  });

  it('says so when the query looked like a number but is not a valid one', async () => {
    expect(await host.call('searchCustomers', { query: '138 0013' })).toEqual({
      interpretedAs: 'phone',
      e164: null,
      invalidNumber: true,
      results: [],
    });
  });

  it('searches names otherwise: partial Chinese and any-case English', async () => {
    expect((await host.call('searchCustomers', { query: '芳' })).results.map((c) => c.name)).toEqual(['王芳']);
    const english = await host.call('searchCustomers', { query: 'johnson' });
    expect(english).toMatchObject({ interpretedAs: 'name', invalidNumber: false });
    expect(english.results.map((c) => c.name)).toEqual(['Emily Johnson']);
  });

  it('rejects an empty query with a message naming the field', async () => {
    await expect(host.call('searchCustomers', { query: '   ' })).rejects.toMatchObject({ code: 'bad_request', field: 'query' });
  });
});
