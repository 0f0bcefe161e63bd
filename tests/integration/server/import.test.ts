import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../server/import/run';
import { auth, engines, world, type World } from './harness';

const CUSTOMERS_CSV = [
  'external_id,name,phone,segment,tags,city,email',
  'crm-1,张三,138 0013 8000,vip,vip|复购,杭州,zhang@example.cn',
  'crm-2,,13900139000,standard,,北京,', // line 3: no name
  'crm-3,李四,12345,standard,,上海,', // line 4: not a number
  'crm-4,王五,+86 139 0013 9001,standard,,"广州',
  '天河区",wang@example', // lines 5-6: one quoted cell over two lines, bad e-mail
  'crm-5,赵六,13700137000,,,深圳,', // line 7
].join('\r\n');

/** The same data as a Chinese CRM exports it: GBK, no BOM, Chinese headers. */
const GBK_CSV = ['编号,姓名,电话,城市', 'gbk-1,陈七,13600136000,成都', 'gbk-2,周八,电话未知,重庆', 'gbk-3,吴九,13500135000,西安'].join('\n');

for (const engine of engines('tests/integration/server/import')) {
  describe.skipIf(engine.open === null)(`imports on ${engine.name}`, () => {
    let w: World;
    beforeAll(async () => {
      w = await world(engine);
    });
    afterAll(async () => w?.close());

    const post = async (kind: string, payload: Buffer | object, contentType = 'text/csv') => {
      const res = await w.app.inject({
        method: 'POST',
        url: `/import/${kind}`,
        headers: { ...auth(w.users.supA.token), 'content-type': Buffer.isBuffer(payload) ? contentType : 'application/json' },
        payload: Buffer.isBuffer(payload) ? payload : JSON.stringify(payload),
      });
      expect(res.statusCode).toBe(200);
      return res.json<ImportReport>();
    };

    it('imports the good rows of a UTF-8 CSV with BOM and reports each bad one with its line', async () => {
      const report = await post('customers', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CUSTOMERS_CSV)]));
      expect(report).toMatchObject({ encoding: 'utf-8', rows: 5, inserted: 2, updated: 0, unchanged: 0 });
      expect(report.errors).toEqual([
        { line: 3, field: 'name', message: 'name: is required' },
        { line: 4, field: 'phone', message: expect.stringContaining('"12345" is not a valid phone number') as string },
        { line: 5, field: 'email', message: 'email: is not an e-mail address' },
      ]);
    });

    it('changes nothing when the same file is sent again', async () => {
      const again = await post('customers', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CUSTOMERS_CSV)]));
      expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
      expect(again.errors).toHaveLength(3);
    });

    it('reads a GBK file without BOM, with Chinese headers', async () => {
      const report = await post('customers', iconv.encode(GBK_CSV, 'gbk'));
      expect(report).toMatchObject({ encoding: 'gb18030', rows: 3, inserted: 2 });
      expect(report.errors).toEqual([{ line: 3, field: 'phone', message: expect.stringContaining('电话未知') as string }]);
      const pulled = await w.store.pull({ userId: w.users.supA.id, role: 'supervisor', teamId: w.teams.A }, 0, 100);
      const names = pulled.changes.flatMap((c) => (c.domain === 'customer' ? [c.customer.name] : []));
      expect(names).toEqual(expect.arrayContaining(['张三', '赵六', '陈七', '吴九']));
    });

    it('reads a GB18030 file with its BOM', async () => {
      const bytes = Buffer.concat([Buffer.from([0x84, 0x31, 0x95, 0x33]), iconv.encode('external_id,name,phone\ngb-1,𠀀郑十,13400134000\n', 'gb18030')]);
      const report = await post('customers', bytes);
      expect(report).toMatchObject({ encoding: 'gb18030', inserted: 1, errors: [] });
    });

    it('imports orders and tickets against existing customers, idempotently', async () => {
      const orders = [
        'external_id,customer_external_id,occurred_at,amount,currency,status',
        'o-1,crm-1,2026-11-20 10:00:00,1999.00,CNY,paid',
        'o-2,nobody,2026-11-20 10:00:00,10,CNY,paid', // line 3: unknown customer
        'o-3,crm-1,yesterday,10,CNY,paid', // line 4: bad time
        'o-4,crm-1,2026-11-21T10:00:00+08:00,12.5,,shipped',
      ].join('\n');
      const first = await post('orders', Buffer.from(orders));
      expect(first).toMatchObject({ inserted: 2 });
      expect(first.errors.map((e) => [e.line, e.field])).toEqual([
        [3, 'customer_external_id'],
        [4, 'occurred_at'],
      ]);
      expect(await post('orders', Buffer.from(orders))).toMatchObject({ inserted: 0, unchanged: 2 });
      const tickets = await post('tickets', [
        { external_id: 't-1', customer_external_id: 'crm-5', occurred_at: '2026-11-22T09:00:00Z', category: 'complaint', subject: '配送延迟', priority: 'high' },
        { external_id: 't-2', customer_external_id: 'crm-5', occurred_at: '2026-11-22T09:00:00Z', category: 'praise', subject: 'x' },
      ]);
      expect(tickets).toMatchObject({ encoding: 'json', inserted: 1, errors: [{ line: 2, field: 'category' }] });
      const events = await post('events', { rows: [{ external_id: 'n-1', customer_external_id: 'crm-5', occurred_at: '2026-11-22T09:00:00Z', kind: 'note', payload: { author: 'crm' } }] });
      expect(events.errors).toEqual([{ line: 1, field: 'payload.text', message: expect.stringContaining('payload.text') as string }]);
      const customer = (await w.store.pull({ userId: w.users.admin.id, role: 'admin', teamId: null }, 0, 500)).changes.find(
        (c) => c.domain === 'customer' && c.customer.name === '张三',
      );
      if (customer?.domain !== 'customer') throw new Error('no 张三');
      const history = await w.app.inject({ method: 'GET', url: `/customers/${customer.customer.id}/history`, headers: auth(w.users.a1.token) });
      const amounts = history.json<{ events: { kind: string; payload: { amountMinor?: number } }[] }>().events.map((e) => e.payload.amountMinor);
      expect(amounts.sort()).toEqual([1250, 199900]);
    });
  });
}
