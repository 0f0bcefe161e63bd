/**
 * Follow-up types. The five built-ins have default rules (rules/builtin.ts) and labels in the
 * console; any other slug is a custom type, created by a custom rule with no code change.
 */
export const BUILTIN_TYPES = [
  /** Satisfaction survey after a purchase or a delivery. */
  'satisfaction_survey',
  /** Care call after a complaint is resolved: did the fix hold, is the customer still upset? */
  'complaint_care',
  /** Onboarding check a few days after sign-up. */
  'onboarding_check',
  /** Renewal call before a contract ends. */
  'renewal_call',
  /** Reactivation after N days without any activity. */
  'reactivation',
] as const;
export type BuiltinType = (typeof BUILTIN_TYPES)[number];

/** Custom types share the namespace: lower-case slugs, so they are safe in ids, URLs and i18n keys. */
export const TYPE_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

export function isBuiltinType(type: string): type is BuiltinType {
  return (BUILTIN_TYPES as readonly string[]).includes(type);
}
