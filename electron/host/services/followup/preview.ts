import { DateTime } from 'luxon';
import type { FilledScriptView, TaskPreview } from '../../../../shared/api/followup';
import type { Customer, FollowUpTask, HistoryEvent, PhoneNumber } from '../../../../shared/domain';
import { canOfferCallback } from '../../../../shared/followup/retry';
import { fillScript } from '../../../../shared/followup/script';
import { localized } from '../../../../shared/followup/survey';
import type { FollowUpConfig } from './config';
import { SCRIPT_BY_TYPE } from './defaults';
import type { DialAssessment } from './gate';

export interface PreviewInput {
  task: FollowUpTask;
  customer: Customer;
  phones: readonly PhoneNumber[];
  reasonEvent: HistoryEvent | null;
  dial: DialAssessment;
  agentName: string | null;
  now: number;
}

/** The script for a task, in the customer's language, filled from the record in the customer's zone. */
export function scriptFor(config: FollowUpConfig, input: PreviewInput): FilledScriptView | null {
  const scriptId = input.task.scriptId ?? SCRIPT_BY_TYPE[input.task.type];
  const script = scriptId === undefined ? undefined : config.scripts.get(scriptId);
  if (scriptId === undefined || script === undefined) return null;
  const language = input.customer.language ?? (config.zone.defaultRegion === 'CN' ? 'zh-CN' : 'en');
  const filled = fillScript(localized(script.text, language), {
    customer: input.customer,
    task: input.task,
    event: input.reasonEvent,
    agent: input.agentName === null ? null : { name: input.agentName },
    locale: language,
    zone: input.dial.zone.zone,
  });
  return {
    scriptId,
    title: localized(script.title, language),
    text: filled.text,
    segments: filled.segments,
    missing: filled.missing,
    unknown: filled.unknown,
  };
}

/** Everything the preview shows before the agent dials (shared/api/followup.ts TaskPreview). */
export function buildPreview(config: FollowUpConfig, input: PreviewInput): TaskPreview {
  const { task, customer, dial } = input;
  const surveyId = task.surveyId ?? null;
  return {
    task: { ...task, customerName: customer.name },
    customer,
    reasonEvent: input.reasonEvent,
    script: scriptFor(config, input),
    survey: surveyId === null ? null : (config.surveys.get(surveyId) ?? null),
    dial: {
      number: dial.number,
      check: dial.check,
      zone: dial.zone.zone,
      localTime: DateTime.fromMillis(input.now, { zone: dial.zone.zone }).toISO({ suppressMilliseconds: false }) ?? new Date(input.now).toISOString(),
    },
    attemptsLeft: Math.max(0, config.retry.maxAttempts - task.attempts),
    canCallback: canOfferCallback(task, config.retry),
  };
}
