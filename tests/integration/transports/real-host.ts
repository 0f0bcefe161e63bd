import { vi } from 'vitest';
import { METHODS } from '../../../shared/api';
import { createHost, type Host } from '../../../electron/host/composition';
import { createStores } from '../../../electron/host/db';

export const REAL_VERSION = '9.9.9-real';

/**
 * The real composition root on ':memory:', with one customer (a Chinese name, to prove text
 * survives both transports) and a spy on every handler, so a test can say "never called".
 */
export function createRealHost(): Host {
  const host = createHost({ dbFile: ':memory:', defaultRegion: 'CN', mode: 'web', version: REAL_VERSION });
  const stores = createStores(host.db, { defaultRegion: 'CN' });
  const now = '2026-11-25T08:00:00.000Z';
  stores.customers.insert(
    {
      id: 'c-wangfang',
      name: '王芳',
      segment: 'vip',
      tags: [],
      region: 'CN',
      timeZone: null,
      email: null,
      company: null,
      city: '杭州',
      language: 'zh-CN',
      createdAt: now,
      updatedAt: now,
    },
    [{ e164: '+8613800138000', label: 'mobile', isPrimary: true }],
  );
  for (const method of METHODS) vi.spyOn(host.handlers, method);
  return host;
}
