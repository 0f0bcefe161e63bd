import { freshDatabase, pgBaseUrl } from '../../tests/rigs/postgres/env';
import { openPostgresEngine } from '../db/postgres/engine';
import { createStore } from './store';
import { storeSuite, T0 } from './store.suite';

const base = pgBaseUrl('server/store');

storeSuite(
  'PostgreSQL',
  base === null
    ? null
    : async () => {
        const db = await freshDatabase(base, 'store');
        const clock = { now: T0 };
        const store = createStore(await openPostgresEngine(db.url, 20), { now: () => clock.now, nodeId: 'server' });
        return {
          store,
          clock,
          async cleanup() {
            await store.close();
            await db.drop();
          },
        };
      },
);
