import type { Customer, FollowUpTask, HistoryEvent } from '../../shared/domain';
import type { OpAck } from '../../shared/sync';

/**
 * What each storage engine must answer, one method per SQL statement or two. The business rules
 * live once in server/store and call these; server/db/sqlite and server/db/postgres implement them.
 */
export type Role = 'agent' | 'supervisor' | 'admin';
export interface TeamRow {
  id: string;
  name: string;
  createdAt: number;
}
export interface UserRow {
  id: string;
  username: string;
  passwordHash: string;
  role: Role;
  teamId: string | null;
  createdAt: number;
}
export interface PhoneRow {
  e164: string;
  label: 'mobile' | 'home' | 'work' | 'other';
  isPrimary: boolean;
}
export interface CustomerRow {
  teamId: string;
  externalId: string | null;
  customer: Customer;
  /** Field name → encoded HLC of the write that set it (last-writer-wins per field). */
  clocks: Record<string, string>;
  phones: PhoneRow[];
  /** What the last import wrote (editable fields + phones), null for customers never imported. */
  imported: Record<string, unknown> | null;
}
export interface EventRow {
  teamId: string;
  /** `kind:externalId` for imported events, null for events made by consoles. */
  externalId: string | null;
  opId: string | null;
  event: HistoryEvent;
}
export interface TaskRow {
  teamId: string;
  task: FollowUpTask;
  holder: string | null;
  leaseUntil: number | null;
  epoch: number;
}
export type ChangeDomain = 'customer' | 'history' | 'task';
export interface NewChange {
  domain: ChangeDomain;
  entityId: string;
  teamId: string;
  /** For tasks: the holder after and before the change; they decide which agents see it. */
  userId: string | null;
  prevUserId: string | null;
  at: number;
}
/** A change appended in the open transaction; its sequence is known after `flushChanges()`. */
export interface ChangeRef {
  readonly index: number;
}
export interface ChangeRow {
  seq: number;
  domain: ChangeDomain;
  entityId: string;
  /** Who may see it (access.ts `inScope`, the same rule the feed queries apply in SQL). */
  teamId: string;
  userId: string | null;
  prevUserId: string | null;
}
/** Who may see a change: everyone (admin), one team (supervisor), or one agent of a team. */
export type FeedScope = { kind: 'all' } | { kind: 'team'; teamId: string } | { kind: 'agent'; teamId: string; userId: string };
export interface OpReservation {
  opId: string;
  clientId: string;
  userId: string;
  at: number;
}
export interface HistoryBefore {
  occurredAt: string;
  id: string;
}

export interface Queries {
  insertTeam(row: TeamRow): Promise<void>;
  getTeam(id: string): Promise<TeamRow | null>;
  listTeams(): Promise<TeamRow[]>;
  insertUser(row: UserRow): Promise<void>;
  getUser(id: string): Promise<UserRow | null>;
  getUserByName(username: string): Promise<UserRow | null>;
  listUsers(teamId: string | null): Promise<UserRow[]>;
  insertRefreshToken(hash: string, userId: string, expiresAt: number): Promise<void>;
  /** Deletes the token and returns what it was: a refresh token works once. */
  takeRefreshToken(hash: string): Promise<{ userId: string; expiresAt: number } | null>;
  deleteRefreshTokens(userId: string): Promise<void>;

  getCustomer(id: string, forUpdate?: boolean): Promise<CustomerRow | null>;
  getCustomerIdByExternalId(externalId: string): Promise<string | null>;
  insertCustomer(row: CustomerRow): Promise<void>;
  updateCustomer(row: CustomerRow): Promise<void>;

  listHistory(customerId: string, limit: number, before: HistoryBefore | null): Promise<HistoryEvent[]>;
  getEvent(id: string): Promise<EventRow | null>;
  getEventByExternalId(externalId: string): Promise<EventRow | null>;
  insertEvent(row: EventRow): Promise<void>;
  updateEvent(row: EventRow): Promise<void>;

  /**
   * Batch loads for the change feed and for group-committed pushes: one query per domain and page
   * instead of one per row. `forUpdate` row-locks like the single-row reads, in id order, so two
   * batches locking overlapping rows queue up instead of deadlocking.
   */
  getCustomers(ids: readonly string[], forUpdate?: boolean): Promise<CustomerRow[]>;
  getEvents(ids: readonly string[]): Promise<EventRow[]>;
  getTasks(ids: readonly string[], forUpdate?: boolean): Promise<TaskRow[]>;
  /** Keyset pages over all customers, in id order: the follow-up sweep walks the base with these. */
  listCustomersAfter(afterId: string, limit: number): Promise<CustomerRow[]>;
  listEventsOfCustomers(customerIds: readonly string[]): Promise<HistoryEvent[]>;

  getTask(id: string, forUpdate?: boolean): Promise<TaskRow | null>;
  /** Every task of these customers, any status: what the follow-up guards need to stay idempotent. */
  listTasksOfCustomers(customerIds: readonly string[]): Promise<FollowUpTask[]>;
  insertTask(row: TaskRow): Promise<void>;
  updateTask(row: TaskRow): Promise<void>;

  /** True when this op id was new; false when it was already taken (a resend). */
  reserveOp(opId: string, clientId: string, userId: string, at: number): Promise<boolean>;
  getOpAck(opId: string): Promise<OpAck | null>;
  /** Many `reserveOp`s in one statement: returns the op ids that were new (the rest are resends). */
  reserveOps(rows: readonly OpReservation[]): Promise<Set<string>>;
  /** The stored acks of these op ids (null: reserved but no ack, which a committed op never is). */
  getOpAcks(opIds: readonly string[]): Promise<Map<string, OpAck | null>>;
  /** Multi-row writes for group-committed pushes (server/store/batch.ts): one statement per table. */
  insertEvents(rows: readonly EventRow[]): Promise<void>;
  insertTasks(rows: readonly TaskRow[]): Promise<void>;
  updateTasks(rows: readonly TaskRow[]): Promise<void>;
  updateCustomers(rows: readonly CustomerRow[]): Promise<void>;
  /** Stores the acks of many ops in one statement. */
  saveOpAcks(acks: readonly OpAck[]): Promise<void>;
  /**
   * Queues a change of this transaction. The engine writes the queued changes with their sequences
   * in one go just before commit (on PostgreSQL the one-row counter lock is taken only then), or when
   * the caller asks for the sequences with `flushChanges()`. Only inside `Engine.tx`.
   */
  appendChange(change: NewChange): Promise<ChangeRef>;
  /** Writes the queued changes; returns the sequence of every change of this transaction, by `ChangeRef.index`. */
  flushChanges(): Promise<readonly number[]>;
  /** Engine SQL behind the two above: writes these changes with consecutive new sequences, returns them in order. */
  writeChanges(changes: readonly NewChange[]): Promise<number[]>;
  /** The highest committed sequence: every change at or below it is visible. */
  headSeq(): Promise<number>;
  listChanges(since: number, upTo: number, limit: number, scope: FeedScope): Promise<ChangeRow[]>;
}

export interface Engine {
  readonly kind: 'sqlite' | 'postgres';
  /** Reads outside a transaction: committed data only. */
  readonly read: Queries;
  /** One transaction; retried by the engine when the database asks for it (deadlock, serialization). */
  tx<T>(fn: (q: Queries) => Promise<T>): Promise<T>;
  /** Called after any transaction that appended changes has committed — in this process or, on PostgreSQL, any. */
  onCommittedChanges(listener: () => void): () => void;
  close(): Promise<void>;
}
