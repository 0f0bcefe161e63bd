import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/api';
import { createHost, type Host } from './composition';

let host: Host | null = null;
afterEach(() => {
  host?.close();
  host = null;
});

describe('createHost', () => {
  it('answers appInfo through dispatch with the options it was given', async () => {
    host = createHost({ dbFile: ':memory:', defaultRegion: 'cn', mode: 'web', version: '9.9.9' });
    const reply = await dispatch(host.handlers, 'appInfo', {}, { checkOutput: true });
    expect(reply).toEqual({ ok: true, value: { version: '9.9.9', mode: 'web', defaultRegion: 'CN', customers: 0 } });
  });

  it('delivers events to listeners until they unsubscribe', () => {
    host = createHost({ dbFile: ':memory:', defaultRegion: 'CN', mode: 'desktop', version: '1' });
    const seen: string[][] = [];
    const off = host.events.on('changed', (p) => seen.push(p.ids));
    host.events.emit('changed', { domain: 'customers', ids: ['a'] });
    off();
    host.events.emit('changed', { domain: 'customers', ids: ['b'] });
    expect(seen).toEqual([['a']]);
  });

  it('refuses a region that is not two letters, naming the option', () => {
    expect(() => createHost({ dbFile: ':memory:', defaultRegion: 'China', mode: 'web', version: '1' })).toThrow(/defaultRegion/);
  });

  it('can be closed twice (shell shutdown paths overlap)', () => {
    host = createHost({ dbFile: ':memory:', defaultRegion: 'CN', mode: 'web', version: '1' });
    host.close();
    expect(() => host?.close()).not.toThrow();
  });
});
