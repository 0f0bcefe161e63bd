import { describe, expect, it, vi } from 'vitest';
import type { Handlers } from './contract';
import { dispatch } from './dispatch';
import { handlersThatThrow } from './testing';

function fakeHandlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    ...handlersThatThrow(),
    appInfo: () => ({ version: '1', mode: 'web', defaultRegion: 'CN', customers: 0 }),
    ...overrides,
  };
}

describe('dispatch', () => {
  it('rejects an unknown method by name', async () => {
    const res = await dispatch(fakeHandlers(), 'dropAll', {});
    expect(res).toEqual({ ok: false, error: { code: 'unknown_method', message: 'unknown method: dropAll' } });
  });

  it('names the bad field and never calls the handler', async () => {
    const historyPage = vi.fn();
    const res = await dispatch(fakeHandlers({ historyPage }), 'historyPage', { customerId: 'c1', limit: 10_000 });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('bad_request');
      expect(res.error.field).toBe('limit');
      expect(res.error.message).toMatch(/^limit: /);
    }
    expect(historyPage).not.toHaveBeenCalled();
  });

  it('names nested fields with a dotted path', async () => {
    const res = await dispatch(fakeHandlers(), 'historyPage', {
      customerId: 'c1',
      before: { occurredAt: 'yesterday', id: 'e1' },
    });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.field).toBe('before.occurredAt');
  });

  it('applies schema defaults before the handler sees the input', async () => {
    const historyPage = vi.fn().mockResolvedValue({ events: [], nextCursor: null });
    await dispatch(fakeHandlers({ historyPage }), 'historyPage', { customerId: 'c1' });
    expect(historyPage).toHaveBeenCalledWith({ customerId: 'c1', limit: 50 });
  });

  it('wraps a thrown error as internal with the method name', async () => {
    const res = await dispatch(
      fakeHandlers({
        queueList: () => {
          throw new Error('disk full');
        },
      }),
      'queueList',
      {},
    );
    expect(res).toEqual({ ok: false, error: { code: 'internal', message: 'queueList failed: disk full' } });
  });

  it('catches a handler that returns the wrong shape when output checks are on', async () => {
    const bad = fakeHandlers({ appInfo: () => ({ version: 1 }) as never });
    const res = await dispatch(bad, 'appInfo', {}, { checkOutput: true });
    expect(res.ok).toBe(false);
  });
});
