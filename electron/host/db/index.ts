import { customerStore } from './customers';
import { historyStore, type HistoryStoreOptions } from './history';
import { metaStore } from './meta';
import { outboxStore } from './outbox';
import type { Db } from './open';
import { taskStore } from './tasks';

export { openDatabase, type Db } from './open';
export type { CustomerReader, CustomerWriter, NewPhone } from './customers';
export type { HistoryReader, HistoryWriter, HistoryQuery, KindCounts, UnreadableEvent } from './history';
export type { TaskReader, TaskWriter, TaskQuery, QueuedTask } from './tasks';
export type { OutboxReader, OutboxWriter, OutboxOp } from './outbox';
export type { MetaStore } from './meta';
export { InvalidRecordError } from './validate';
export { optimizeAfterBulkLoad } from './maintenance';
export { bulkLoad } from './bulk';
export { inspectStoreFile, type StoreFile } from './inspect';
export { SCHEMA_VERSION } from './migrations';

/** Every domain store over one handle: what services are given. */
export function createStores(db: Db, options: { defaultRegion: string } & HistoryStoreOptions) {
  return {
    customers: customerStore(db, options.defaultRegion),
    history: historyStore(db, options),
    tasks: taskStore(db),
    outbox: outboxStore(db),
    meta: metaStore(db),
  };
}
export type Stores = ReturnType<typeof createStores>;
