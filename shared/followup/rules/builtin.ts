import { Rule, type RuleInput } from './schema';

/**
 * Default rules for the five built-in types, written in the same JSON format an operator edits,
 * so they double as examples (docs/followup.md shows them). A deployment usually starts from these
 * and changes teams, scripts and delays.
 */
export const BUILTIN_RULE_INPUTS: readonly RuleInput[] = [
  {
    id: 'survey-delivered',
    type: 'satisfaction_survey',
    description: 'Satisfaction survey after delivery',
    trigger: { kind: 'order', status: ['delivered'] },
    delay: 'P2D',
    dueWindow: 'P5D',
    priority: 4,
    team: 'survey',
    scriptId: 'satisfaction-v1',
    surveyId: 'csat-delivery',
  },
  {
    // For shops without delivery (services, in-store): enable this one instead of survey-delivered.
    id: 'survey-purchase',
    type: 'satisfaction_survey',
    enabled: false,
    description: 'Satisfaction survey after purchase',
    trigger: { kind: 'order', status: ['paid'] },
    delay: 'P3D',
    dueWindow: 'P5D',
    priority: 4,
    team: 'survey',
    scriptId: 'satisfaction-v1',
    surveyId: 'csat-purchase',
  },
  {
    id: 'complaint-care',
    type: 'complaint_care',
    description: 'Care call after a resolved complaint',
    trigger: { kind: 'ticket', category: ['complaint'], status: ['resolved'] },
    delay: 'P1D',
    dueWindow: 'P2D',
    priority: 1,
    team: 'care',
    scriptId: 'complaint-care-v1',
    surveyId: 'csat-complaint',
  },
  {
    id: 'onboarding',
    type: 'onboarding_check',
    description: 'Onboarding check after sign-up',
    trigger: { kind: 'anniversary', anchor: 'signup', offsetDays: 7 },
    dueWindow: 'P7D',
    priority: 3,
    team: 'success',
    scriptId: 'onboarding-v1',
  },
  {
    id: 'renewal',
    type: 'renewal_call',
    description: 'Renewal call before the contract ends',
    trigger: { kind: 'anniversary', anchor: 'contract_end', offsetDays: -30 },
    dueWindow: 'P21D',
    priority: 2,
    team: 'sales',
    scriptId: 'renewal-v1',
  },
  {
    id: 'reactivation',
    type: 'reactivation',
    description: 'Reactivation after 90 days without activity',
    trigger: { kind: 'inactivity', days: 90, maxDays: 730 },
    dueWindow: 'P14D',
    priority: 5,
    team: 'sales',
    scriptId: 'reactivation-v1',
  },
];

/** Parsed once: a typo here fails the first import (and the tests), not a customer's call. */
export const BUILTIN_RULES: readonly Rule[] = BUILTIN_RULE_INPUTS.map((input) => Rule.parse(input));
