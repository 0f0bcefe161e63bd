import fc from 'fast-check';
import type { HistoryEvent } from '../domain';
import { encodeHlc } from './hlc';
import type { Operation } from './messages';
import type { LwwRecord } from './merge';

/** Generators for the property tests: small pools so ids, fields and clocks collide often. */
export const hlcArb = fc
  .record({ wall: fc.integer({ min: 0, max: 50 }), counter: fc.integer({ min: 0, max: 3 }), node: fc.constantFrom('a', 'b', 'c') })
  .map(encodeHlc);

const fields = ['name', 'city', 'segment', 'tags'] as const;
const valueFor = (field: (typeof fields)[number]) =>
  field === 'tags' ? fc.array(fc.constantFrom('vip', 'new', 'churn'), { maxLength: 2 }) : fc.constantFrom('x', 'y', '张三');

export const lwwRecordArb: fc.Arbitrary<LwwRecord> = fc
  .uniqueArray(fc.constantFrom(...fields), { maxLength: fields.length })
  .chain((names) => fc.tuple(...names.map((f) => fc.record({ value: valueFor(f), hlc: hlcArb }).map((s) => [f, s] as const))))
  .map((entries) => Object.fromEntries(entries));

const note = (id: string, text: string): HistoryEvent => ({
  id,
  customerId: 'c1',
  occurredAt: '2026-11-25T08:00:00.000Z',
  summary: text,
  kind: 'note',
  payload: { text, author: null },
});

const opBody = fc.oneof(
  fc.record({ eventId: fc.constantFrom('e1', 'e2', 'e3', 'e4'), text: fc.constantFrom('hello', '回访') }).map(
    ({ eventId, text }) => (opId: string, hlc: string): Operation => ({ type: 'history.append', opId, hlc, event: note(eventId, text) }),
  ),
  fc.record({
    customerId: fc.constantFrom('c1', 'c2'),
    name: fc.option(fc.constantFrom('张三', 'Li Si'), { nil: undefined }),
    city: fc.constantFrom('杭州', 'Beijing', null),
  }).map(({ customerId, name, city }) => (opId: string, hlc: string): Operation => ({
    type: 'customer.patch',
    opId,
    hlc,
    customerId,
    fields: name === undefined ? { city } : { name, city },
  })),
);

/** Distinct operations: an op id names exactly one operation, as in a real outbox. */
export const opsArb: fc.Arbitrary<Operation[]> = fc
  .array(fc.tuple(opBody, hlcArb), { maxLength: 25 })
  .map((items) => items.map(([make, hlc], i) => make(`op-${String(i).padStart(6, '0')}`, hlc)));
