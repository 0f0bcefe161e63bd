import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeLww, stampPatch, valuesOf } from './merge';
import { applyAll, applyOp, emptyReplica, observable } from './replica';
import { lwwRecordArb, opsArb } from './sync.arbitraries';

describe('last-writer-wins per field', () => {
  it('is commutative', () => {
    fc.assert(fc.property(lwwRecordArb, lwwRecordArb, (a, b) => {
      expect(mergeLww(a, b)).toEqual(mergeLww(b, a));
    }));
  });
  it('is associative', () => {
    fc.assert(
      fc.property(lwwRecordArb, lwwRecordArb, lwwRecordArb, (a, b, c) => {
        expect(mergeLww(mergeLww(a, b), c)).toEqual(mergeLww(a, mergeLww(b, c)));
      },
      ),
    );
  });
  it('is idempotent', () => {
    fc.assert(fc.property(lwwRecordArb, lwwRecordArb, (a, b) => {
      expect(mergeLww(mergeLww(a, b), b)).toEqual(mergeLww(a, b));
    }));
  });
  it('keeps a later edit of one field and an earlier edit of another', () => {
    const ours = stampPatch({ name: '张三', city: '杭州' }, '000000000000002:00000:a');
    const theirs = stampPatch({ city: '北京' }, '000000000000003:00000:b');
    expect(valuesOf(mergeLww(ours, theirs))).toEqual({ name: '张三', city: '北京' });
  });
});

describe('replicas', () => {
  it('change nothing when any prefix of a push is replayed', () => {
    fc.assert(
      fc.property(opsArb, fc.nat(), (ops, cut) => {
        const prefix = ops.slice(0, cut % (ops.length + 1));
        const once = applyAll(emptyReplica, ops);
        const cutThenResent = applyAll(applyAll(emptyReplica, prefix), ops);
        expect(cutThenResent).toEqual(once);
        for (const op of prefix) expect(applyOp(cutThenResent, op).ack).toBe('duplicate');
      }),
    );
  });

  it('converge when they apply the same operations in any order', () => {
    fc.assert(
      fc.property(
        opsArb.chain((ops) => fc.tuple(fc.constant(ops), fc.shuffledSubarray(ops, { minLength: ops.length }))),
        ([ops, shuffled]) => {
          expect(observable(applyAll(emptyReplica, shuffled))).toEqual(observable(applyAll(emptyReplica, ops)));
        },
      ),
    );
  });

  it('converge when each got the operations in different batches with duplicates', () => {
    fc.assert(
      fc.property(opsArb, fc.array(fc.nat(), { maxLength: 30 }), (ops, picks) => {
        const extra = ops.length === 0 ? [] : picks.map((i) => ops[i % ops.length]!);
        const a = applyAll(emptyReplica, [...extra, ...ops]);
        const b = applyAll(emptyReplica, [...ops].reverse());
        expect(observable(a)).toEqual(observable(b));
      }),
    );
  });
});
