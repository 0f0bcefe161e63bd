import { loadWith, parseWith, type ParseResult } from '../config-error';
import { Rule, RuleSet } from './schema';

/** Validates a rules document (`{policy, rules}`) from JSON; errors name fields like `rules[2].delay`. */
export function parseRuleSet(input: unknown): ParseResult<RuleSet> {
  return parseWith(RuleSet, input);
}

/** Same as parseRuleSet but throws a ConfigError: for startup, where a bad file must stop the service. */
export function loadRuleSet(input: unknown): RuleSet {
  return loadWith(RuleSet, input, 'follow-up rules');
}

/** One rule, e.g. from a rule editor; fields are relative to the rule (`trigger.status[0]`). */
export function parseRule(input: unknown): ParseResult<Rule> {
  return parseWith(Rule, input);
}
