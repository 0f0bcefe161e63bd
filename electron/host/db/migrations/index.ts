import type { Migration } from '../migrate';
import { customers } from './001_customers';
import { history } from './002_history';
import { tasks } from './003_tasks';
import { outbox } from './004_outbox';
import { meta } from './005_meta';
import { agent } from './006_agent';
import { nameWords } from './007_name_words';
import { sync } from './008_sync';
import { followupQueue } from './009_followup_queue';

/** Applied in this order; the last version is the schema version this build writes. */
export const MIGRATIONS: readonly Migration[] = [customers, history, tasks, outbox, meta, agent, nameWords, sync, followupQueue];
export const SCHEMA_VERSION = MIGRATIONS.length;
