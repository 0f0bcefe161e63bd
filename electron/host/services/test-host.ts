import { dispatch, type Method, type OutputOf } from '../../../shared/api';
import { createHost, type Host } from '../composition';
import { createStores } from '../db';
import { aCustomer, anEvent } from '../db/test-fixtures';

/**
 * A host over an in-memory store with a handful of people, called through `dispatch` exactly as
 * a transport would (with output checking on), so tests see what the renderer would see.
 */
export function smallHost(): Host & { call<M extends Method>(method: M, input: unknown): Promise<OutputOf<M>> } {
  const host = createHost({ dbFile: ':memory:', defaultRegion: 'CN', mode: 'web', version: 'test' });
  const { customers, history } = createStores(host.db, { defaultRegion: 'CN' });
  customers.insert(aCustomer('c-zw', '张伟'), [
    { e164: '+8613800138000', label: 'mobile', isPrimary: true },
    { e164: '+861065529988', label: 'work', isPrimary: false },
  ]);
  customers.insert(aCustomer('c-wf', '王芳'), [{ e164: '+8613700137000', label: 'mobile', isPrimary: true }]);
  customers.insert(aCustomer('c-cj', '陈静'), [{ e164: '+8613700137000', label: 'home', isPrimary: true }]);
  customers.insert(aCustomer('c-ej', 'Emily Johnson', { language: 'en', region: 'US' }), [
    { e164: '+14155550123', label: 'mobile', isPrimary: true },
  ]);
  const kinds = ['call', 'order', 'ticket', 'note'] as const;
  history.appendMany(
    Array.from({ length: 60 }, (_, i) =>
      anEvent(kinds[i % kinds.length] ?? 'note', `zw-${String(i).padStart(3, '0')}`, 'c-zw', new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString()),
    ),
  );
  return Object.assign(host, {
    async call<M extends Method>(method: M, input: unknown): Promise<OutputOf<M>> {
      const reply = await dispatch(host.handlers, method, input, { checkOutput: true });
      if (!reply.ok) throw Object.assign(new Error(reply.error.message), reply.error);
      return reply.value as OutputOf<M>;
    },
  });
}
