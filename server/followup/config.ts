import { readFileSync } from 'node:fs';
import { BUILTIN_RULES, DEFAULT_POLICY, loadRuleSet, type FollowUpPolicy, type Rule } from '../../shared/followup';

/** The rules the server runs and the policy their guards use. */
export interface FollowUpConfig {
  rules: readonly Rule[];
  policy: FollowUpPolicy;
}

export const BUILTIN_CONFIG: FollowUpConfig = { rules: BUILTIN_RULES, policy: DEFAULT_POLICY };

/** A rules document (docs/followup.md); a bad file throws a ConfigError naming the field, so the server does not start on it. */
export function loadFollowUpConfig(file: string | null): FollowUpConfig {
  if (file === null) return BUILTIN_CONFIG;
  const set = loadRuleSet(JSON.parse(readFileSync(file, 'utf8')) as unknown);
  return { rules: set.rules, policy: set.policy };
}
