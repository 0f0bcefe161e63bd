import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customerStore } from './customers';
import { openDatabase, type Db } from './open';
import { aCustomer } from './test-fixtures';
import { InvalidRecordError } from './validate';

let db: Db;
let store: ReturnType<typeof customerStore>;
beforeEach(() => {
  db = openDatabase(':memory:');
  store = customerStore(db, 'CN');
  store.insert(aCustomer('c-zw', '张伟'), [
    { e164: '+8613800138000', label: 'mobile', isPrimary: true },
    { e164: '+861065529988', label: 'work', isPrimary: false },
  ]);
  store.insert(aCustomer('c-wf', '王芳'), [{ e164: '+8613700137000', label: 'mobile', isPrimary: true }]);
  store.insert(aCustomer('c-wff', '王芳芳'), []);
  store.insert(aCustomer('c-lwf', '李王芳'), []);
  store.insert(aCustomer('c-cj', '陈静'), [{ e164: '+8613700137000', label: 'home', isPrimary: true }]);
  store.insert(aCustomer('c-ej', 'Emily Johnson', { language: 'en', region: 'US', city: 'San Francisco' }), [
    { e164: '+14155550123', label: 'mobile', isPrimary: true },
  ]);
});
afterEach(() => db.close());

const names = (query: string, limit = 20) => store.searchByName(query, limit).map((c) => c.name);

describe('customer store', () => {
  it('reads back what was written, instants in UTC', () => {
    store.insert(aCustomer('c-x', 'X', { tags: ['vip', '投诉'], createdAt: '2025-01-01T08:00:00+08:00', doNotCall: true }), []);
    expect(store.byId('c-x')).toMatchObject({ tags: ['vip', '投诉'], createdAt: '2025-01-01T00:00:00.000Z', doNotCall: true });
    expect(store.byId('nobody')).toBeNull();
  });

  it('finds both people on a shared line, each with the matched number', () => {
    expect(store.byPhone('+8613700137000', 20)).toEqual([
      { id: 'c-wf', name: '王芳', segment: 'standard', city: '北京', phone: '+8613700137000' },
      { id: 'c-cj', name: '陈静', segment: 'standard', city: '北京', phone: '+8613700137000' },
    ]);
  });

  it('lists the primary number first', () => {
    expect(store.phonesOf('c-zw').map((p) => [p.e164, p.isPrimary])).toEqual([
      ['+8613800138000', true],
      ['+861065529988', false],
    ]);
  });

  it('finds partial Chinese names: exact and prefix matches before other substrings', () => {
    expect(names('王芳')).toEqual(['王芳', '王芳芳', '李王芳']);
    expect(names('芳').sort()).toEqual(['李王芳', '王芳', '王芳芳'].sort());
    expect(names('王芳芳')).toEqual(['王芳芳']);
    expect(names('张')).toEqual(['张伟']);
  });

  it('finds English names by any case-insensitive part', () => {
    expect(names('emily')).toEqual(['Emily Johnson']);
    expect(names('JOHNS')).toEqual(['Emily Johnson']);
    expect(names('em')).toEqual(['Emily Johnson']);
    expect(names('hnso')).toEqual(['Emily Johnson']);
  });

  it('returns no more than the limit, and nothing for wildcards alone', () => {
    expect(names('芳', 2)).toHaveLength(2);
    expect(names('%%')).toEqual([]);
    expect(names('nobody here')).toEqual([]);
  });

  it('gives search results with their primary number', () => {
    expect(store.searchByName('张伟', 5)[0]?.phone).toBe('+8613800138000');
  });

  it('normalizes a number typed by a person before storing it', () => {
    expect(store.addPhone('c-wff', '139-0013-9000', 'mobile', true).e164).toBe('+8613900139000');
    expect(store.byPhone('+8613900139000', 5).map((c) => c.id)).toEqual(['c-wff']);
  });

  it('refuses a bad number or a bad record, naming the field', () => {
    expect(() => store.addPhone('c-wff', '12345', 'mobile', false)).toThrow(InvalidRecordError);
    expect(() => store.insert(aCustomer('c-y', ''), [])).toThrow(/customer: name:/);
    expect(() => store.insert(aCustomer('c-z', 'Z'), [{ e164: '13800138000', label: 'mobile', isPrimary: true }])).toThrow(
      /phones\.0\.e164/,
    );
    // All-or-nothing: the refused number did not leave a customer without it behind.
    expect(store.exists('c-z')).toBe(false);
  });

  it('counts customers', () => {
    expect(store.count()).toBe(6);
  });
});
