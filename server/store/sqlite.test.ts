import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSqliteEngine } from '../db/sqlite/engine';
import { createStore } from './store';
import { storeSuite, T0 } from './store.suite';

storeSuite('SQLite', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'huifang-store-'));
  const clock = { now: T0 };
  const store = createStore(openSqliteEngine(path.join(dir, 'server.db')), { now: () => clock.now, nodeId: 'server' });
  return Promise.resolve({
    store,
    clock,
    async cleanup() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
});
