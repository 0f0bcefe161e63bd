import { z } from 'zod';
import { AgentStateName, BreakReason } from '../agent/states';
import {
  CallPayload,
  Customer,
  CustomerId,
  CustomerSummary,
  E164,
  FollowUpTask,
  HistoryCursor,
  HistoryEvent,
  HistoryKind,
  Instant,
  PhoneNumber,
  TaskStatus,
} from '../domain';
import { SurveyAnswers } from '../followup/survey';
import {
  CheckDialInput,
  DialCheck,
  FollowUpSettings,
  NextTask,
  NextTaskInput,
  QueuedTask,
  RescheduleTaskInput,
  SavedOutcome,
  SaveOutcomeInput,
  SkipTaskInput,
  TaskPreview,
} from './followup';
import { LoginInput, SyncStatus } from './sync';

/**
 * The one contract between renderer and host. Both transports (Electron IPC and the web-mode
 * WebSocket) look methods up here, validate the input, call the handler and wrap the result.
 * Add a method here first; TypeScript then demands a handler on the host and offers it to the renderer.
 */

export const HistoryPageInput = z.object({
  customerId: CustomerId,
  /** Only these kinds; empty or absent means all. */
  kinds: z.array(HistoryKind).max(6).optional(),
  /** Return events strictly older than this cursor. */
  before: HistoryCursor.nullable().optional(),
  limit: z.number().int().min(1).max(500).default(50),
});

export const HistoryPage = z.object({
  events: z.array(HistoryEvent),
  /** Pass as `before` to get the next (older) page; null when there is no more. */
  nextCursor: HistoryCursor.nullable(),
});
export type HistoryPage = z.infer<typeof HistoryPage>;

export const KindCounts = z.record(HistoryKind, z.number().int().min(0));

export const Customer360 = z.object({
  customer: Customer,
  phones: z.array(PhoneNumber),
  /** How many events of each kind the customer has: drives the filter chips. */
  counts: KindCounts,
  firstPage: HistoryPage,
});
export type Customer360 = z.infer<typeof Customer360>;

export const SearchInput = z.object({
  query: z.string().trim().min(1, 'type a phone number or a name').max(100),
  limit: z.number().int().min(1).max(100).default(20),
});

export const SearchResult = z.object({
  /** How the query was read: as a number (normalized to E.164) or as a name. */
  interpretedAs: z.enum(['phone', 'name']),
  e164: E164.nullable(),
  /** Set when the query looked like a number but is not a valid one. */
  invalidNumber: z.boolean(),
  results: z.array(CustomerSummary),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const LookupCallerInput = z.object({
  /** The caller ID as it arrived: a From/P-Asserted-Identity value, a URI or digits. */
  raw: z.string().max(2000),
  /** SIP headers the PBX added, lower-cased names; `x-customer-id` wins when present. */
  headers: z.record(z.string().max(64), z.string().max(2000)).optional(),
});

export const ScreenPop = z.discriminatedUnion('status', [
  z.object({ status: z.literal('matched'), e164: E164.nullable(), view: Customer360 }),
  z.object({ status: z.literal('multiple'), e164: E164, candidates: z.array(CustomerSummary).min(2) }),
  z.object({ status: z.literal('unknown'), e164: E164 }),
  z.object({ status: z.literal('anonymous') }),
  z.object({ status: z.literal('invalid'), raw: z.string().max(80), reason: z.string() }),
]);
export type ScreenPop = z.infer<typeof ScreenPop>;

export const QueueListInput = z.object({
  status: TaskStatus.optional(),
  /**
   * Only the tasks this console's agent holds (leased to them, e.g. taken ahead to work offline);
   * `status` is then ignored.
   */
  held: z.boolean().default(false),
  type: z.string().max(64).optional(),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
});

export const QueueList = z.object({
  total: z.number().int().min(0),
  tasks: z.array(QueuedTask),
});
export type QueueList = z.infer<typeof QueueList>;

export const AppInfo = z.object({
  version: z.string(),
  mode: z.enum(['desktop', 'web']),
  defaultRegion: z.string().length(2),
  customers: z.number().int().min(0),
});
export type AppInfo = z.infer<typeof AppInfo>;

const Empty = z.object({}).strict();

/** Where and as whom the softphone registers. The password travels separately (see below). */
export const SoftphoneSettings = z.object({
  wsUrl: z.string().max(300).regex(/^wss?:\/\/[^\s]+$/, 'must be a ws:// or wss:// address'),
  domain: z.string().min(1).max(200).regex(/^[A-Za-z0-9.-]+$/, 'must be a SIP domain such as pbx.example.com'),
  extension: z.string().regex(/^[A-Za-z0-9_.+-]{1,32}$/, 'letters, digits and . _ + - only'),
  authorizationUsername: z.string().min(1).max(64),
  displayName: z.string().max(80),
  /** After-call work per call; 0 turns wrap-up off. */
  wrapUpLimitSec: z.number().int().min(0).max(3600),
  /** 'busy' answers 486 when the agent is not Available, so the PBX routes the call elsewhere. */
  whenNotAvailable: z.enum(['busy', 'ring']),
  callWaiting: z.boolean(),
});
export type SoftphoneSettings = z.infer<typeof SoftphoneSettings>;

export const SoftphoneSettingsState = z.object({
  settings: SoftphoneSettings.nullable(),
  /** 'unreadable': sealed on another machine or by another user; ask for it again. */
  password: z.enum(['stored', 'missing', 'unreadable']),
});
export type SoftphoneSettingsState = z.infer<typeof SoftphoneSettingsState>;

export const RecordCallInput = z.object({
  /** Unique per call on this console; doubles as the outbox op id, so a retried save is not a second call. */
  callId: z.string().min(1).max(64),
  /** The customer the agent worked the call for; null for an unknown or anonymous caller. */
  customerId: CustomerId.nullable(),
  occurredAt: Instant,
  payload: CallPayload,
  /** An inbound call's wrap-up may add a survey (a follow-up's survey is saved by saveFollowUpOutcome). */
  survey: z.object({ surveyId: z.string().max(64), answers: SurveyAnswers }).nullable().default(null),
  tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
});

export const RecordAgentStateInput = z.object({
  agent: z.string().min(1).max(64),
  state: AgentStateName,
  fromState: AgentStateName.nullable(),
  breakReason: BreakReason.nullable(),
  cause: z.string().min(1).max(32),
  at: Instant,
});

export const QuickCreateInput = z.object({
  name: z.string().trim().min(1, 'enter the caller’s name').max(200),
  /** As the caller ID or the agent gave it; normalized by the host. */
  phone: z.string().min(1).max(64),
  city: z.string().trim().max(100).optional(),
});

export const api = {
  appInfo: { input: Empty, output: AppInfo },
  searchCustomers: { input: SearchInput, output: SearchResult },
  getCustomer: { input: z.object({ customerId: CustomerId, pageSize: z.number().int().min(1).max(500).default(50) }), output: Customer360.nullable() },
  historyPage: { input: HistoryPageInput, output: HistoryPage },
  lookupCaller: { input: LookupCallerInput, output: ScreenPop },
  queueList: { input: QueueListInput, output: QueueList },
  createCustomer: { input: QuickCreateInput, output: Customer360 },
  recordCall: { input: RecordCallInput, output: z.object({ eventId: z.string().nullable(), savedAt: Instant }) },
  recordAgentState: { input: RecordAgentStateInput, output: z.object({ seq: z.number().int() }) },
  getSoftphoneSettings: { input: Empty, output: SoftphoneSettingsState },
  saveSoftphoneSettings: {
    input: z.object({ settings: SoftphoneSettings, password: z.string().min(1).max(128).optional() }),
    output: SoftphoneSettingsState,
  },
  /** The only way the SIP password leaves the host: into the softphone's memory, to register. */
  softphoneCredentials: { input: Empty, output: z.object({ password: z.string() }) },
  /** Follow-up work (shared/api/followup.ts): the local queue, preview dialing, compliance, wrap-up. */
  followUpSettings: { input: Empty, output: FollowUpSettings },
  /** Picks the next workable task (order of shared/followup/ordering, compliance applied) and holds it for this agent. */
  nextTask: { input: NextTaskInput, output: NextTask },
  /** Opens a task picked from the list, holding it like nextTask does. */
  openTask: { input: z.object({ taskId: z.string().min(1).max(64) }), output: TaskPreview },
  /** The gate every outbound dial passes (dialpad, click-to-dial, preview, callback): do-not-call, window, attempts. */
  checkDial: { input: CheckDialInput, output: DialCheck },
  skipTask: { input: SkipTaskInput, output: z.object({ task: FollowUpTask }) },
  rescheduleTask: { input: RescheduleTaskInput, output: z.object({ task: FollowUpTask }) },
  saveFollowUpOutcome: { input: SaveOutcomeInput, output: SavedOutcome },
  /** Sync with the server (shared/api/sync.ts): the tokens stay in the host. */
  syncStatus: { input: Empty, output: SyncStatus },
  login: { input: LoginInput, output: SyncStatus },
  logout: { input: Empty, output: SyncStatus },
} as const;

export type ApiSpec = typeof api;
export type Method = keyof ApiSpec;
export type InputOf<K extends Method> = z.input<ApiSpec[K]['input']>;
export type ParsedInputOf<K extends Method> = z.output<ApiSpec[K]['input']>;
export type OutputOf<K extends Method> = z.output<ApiSpec[K]['output']>;

/** What the renderer calls. */
export type Api = { [K in Method]: (input: InputOf<K>) => Promise<OutputOf<K>> };
/** What the host implements: inputs arrive parsed, with defaults applied. */
export type Handlers = { [K in Method]: (input: ParsedInputOf<K>) => Promise<OutputOf<K>> | OutputOf<K> };

/** Events the host pushes to every connected renderer. */
export const events = {
  /** Data changed under the renderer (sync, another window): refresh what shows these ids. */
  changed: z.object({ domain: z.enum(['customers', 'history', 'tasks']), ids: z.array(z.string()).max(1000) }),
  /** The sync state moved (online, offline, changes waiting…): the top bar's pill. */
  syncStatus: SyncStatus,
} as const;
export type EventSpec = typeof events;
export type EventName = keyof EventSpec;
export type EventPayload<E extends EventName> = z.output<EventSpec[E]>;

export const METHODS = Object.keys(api) as Method[];
export const EVENT_NAMES = Object.keys(events) as EventName[];
