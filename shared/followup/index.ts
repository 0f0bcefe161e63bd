// Public surface of the follow-up logic: the server and the console import from here.
export * from './types';
export * from './time';
export * from './config-error';
export * from './rules/schema';
export * from './rules/parse';
export * from './rules/builtin';
export { evaluate } from './rules/evaluate';
export { sweep, lastActivityAt, isCustomerActivity, type Contract, type CustomerActivity } from './rules/sweep';
export { expire, DEFAULT_STALE_AFTER, type ExpiryOptions } from './rules/expire';
export { followUpTaskId, type TaskDraft, type Skipped, type SkipReason, type RuleResult } from './rules/propose';
export { isOpen, countsForCooldown } from './rules/guard';
export * from './windows';
export * from './zones';
export * from './dnc';
export * from './retry';
export * from './ordering';
export * from './script';
export { taskAfterOutcome, asksNotToBeCalled } from './apply-outcome';
