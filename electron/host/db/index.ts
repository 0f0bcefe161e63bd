import { agentStateStore } from './agent';
import { customerStore } from './customers';
import { historyStore, type HistoryStoreOptions } from './history';
import { metaStore } from './meta';
import { outboxStore } from './outbox';
import { secretStore } from './secrets';
import type { Db } from './open';
import { taskStore } from './tasks';
import { queueStore } from './queue';
import { dncStore } from './dnc';

export { openDatabase, type Db } from './open';
export type { CustomerReader, CustomerWriter, NewPhone } from './customers';
export type { HistoryReader, HistoryWriter, HistoryQuery, KindCounts, UnreadableEvent } from './history';
export type { TaskReader, TaskWriter, TaskQuery, QueuedTask } from './tasks';
export type { QueueReader, QueueWriter, Assignee, PickPart, PickCandidate, CandidateQuery } from './queue';
export type { DncReader, DncWriter, DncEntry } from './dnc';
export { refreshZones, registerZoneFunction, zoneOptionsKey } from './zones';
export type { OutboxReader, OutboxWriter, OutboxOp } from './outbox';
export type { MetaStore } from './meta';
export type { AgentStateRecord, AgentStateReader, AgentStateWriter } from './agent';
export type { SecretStore, SealedSecret } from './secrets';
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
    queue: queueStore(db),
    dnc: dncStore(db),
    outbox: outboxStore(db),
    meta: metaStore(db),
    agentStates: agentStateStore(db),
    secrets: secretStore(db),
    /** Runs `fn` in one transaction: a write and its outbox row land together or not at all. */
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
  };
}
export type Stores = ReturnType<typeof createStores>;
