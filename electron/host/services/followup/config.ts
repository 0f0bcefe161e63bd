import { readFileSync } from 'node:fs';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { Disposition } from '../../../../shared/api/followup';
import { ConfigError, fieldErrors, type FieldError } from '../../../../shared/followup/config-error';
import { buildDncList, type DncList } from '../../../../shared/followup/dnc';
import { RetryPolicy } from '../../../../shared/followup/retry';
import { unknownPlaceholders } from '../../../../shared/followup/script';
import { LocalizedText, Survey } from '../../../../shared/followup/survey';
import { CallingCalendar, DEFAULT_CALENDAR_INPUT } from '../../../../shared/followup/windows';
import { REGION_ZONES, type ZoneOptions } from '../../../../shared/followup/zones';
import { DEFAULT_DISPOSITIONS, DEFAULT_HOLD_AHEAD, DEFAULT_SCRIPTS, DEFAULT_SURVEYS, type ScriptDef } from './defaults';

/**
 * The follow-up settings of a deployment: managed configuration, one JSON file IT puts on every
 * machine (docs/followup.md, "Settings file"). Every key is optional; a key given replaces the
 * built-in value, except `surveys` and `scripts`, which are merged with the built-ins by id (the
 * file's win). Unknown keys are errors, so a typo never silently falls back to a default.
 */

/** Where the host looks when neither --followup-config nor $HUIFANG_FOLLOWUP_CONFIG names a file. */
export function managedConfigPath(platform: NodeJS.Platform, env: Record<string, string | undefined>): string {
  if (platform === 'win32') return `${env.ProgramData ?? 'C:\\ProgramData'}\\Huifang\\followup.json`;
  if (platform === 'darwin') return '/Library/Application Support/Huifang/followup.json';
  return '/etc/huifang/followup.json';
}
export const FOLLOWUP_CONFIG_ENV = 'HUIFANG_FOLLOWUP_CONFIG';

const ScriptDefSchema = z.strictObject({
  title: LocalizedText,
  text: LocalizedText.superRefine((texts, ctx) => {
    for (const [language, text] of Object.entries(texts)) {
      const unknown = unknownPlaceholders(text);
      if (unknown.length > 0) ctx.addIssue({ code: 'custom', path: [language], message: `unknown placeholder ${unknown.map((p) => `{{${p}}}`).join(', ')}` });
    }
  }),
});
const Zone = z.string().max(64).refine((zone) => IANAZone.isValidZone(zone), 'must be an IANA time zone such as Asia/Shanghai');

export const FollowUpConfigFile = z
  .strictObject({
    /** For editors that validate JSON; ignored. */
    $schema: z.string().optional(),
    dispositions: z.array(Disposition).min(1).max(50).optional(),
    surveys: z.array(Survey).max(200).optional(),
    scripts: z.record(z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'script ids are slugs of a-z, 0-9, _ and -'), ScriptDefSchema).optional(),
    callingWindows: CallingCalendar.optional(),
    retryPolicy: RetryPolicy.optional(),
    /** The managed do-not-call list, numbers in any format (read with the console's region). */
    doNotCall: z.array(z.string().max(64)).max(1_000_000).optional(),
    progressiveDelaySec: z.number().int().min(0).max(120).optional(),
    holdAhead: z.number().int().min(0).max(50).optional(),
    defaultZone: Zone.optional(),
    zoneByRegion: z.record(z.string().regex(/^[A-Z]{2}$/, 'regions are two capital letters such as US'), Zone).optional(),
  })
  .superRefine((file, ctx) => {
    const seen = new Map<string, number>();
    file.dispositions?.forEach((d, i) => {
      const first = seen.get(d.id);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['dispositions', i, 'id'], message: `duplicate disposition id "${d.id}" (also dispositions[${first}])` });
      else seen.set(d.id, i);
    });
    const surveys = new Map<string, number>();
    file.surveys?.forEach((s, i) => {
      const first = surveys.get(s.id);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['surveys', i, 'id'], message: `duplicate survey id "${s.id}" (also surveys[${first}])` });
      else surveys.set(s.id, i);
    });
  });
export type FollowUpConfigFile = z.input<typeof FollowUpConfigFile>;

export interface FollowUpConfig {
  dispositions: Disposition[];
  surveys: ReadonlyMap<string, Survey>;
  scripts: ReadonlyMap<string, ScriptDef>;
  calendar: CallingCalendar;
  retry: RetryPolicy;
  /** The managed list from the file (the local wrap-up list is added at dial time). */
  dnc: DncList;
  progressiveDelaySec: number;
  holdAhead: number;
  zone: ZoneOptions;
  /** The file the settings came from, or null for the built-ins. */
  source: string | null;
}

/** Settings from already-parsed JSON (tests, tools): the file's content, or undefined for the built-ins. */
export function followUpConfig(input: unknown, defaultRegion: string, source: string | null = null): FollowUpConfig {
  const what = source === null ? 'follow-up settings' : `follow-up settings ${source}`;
  const parsed = FollowUpConfigFile.safeParse(input ?? {});
  if (!parsed.success) throw new ConfigError(what, fieldErrors(parsed.error));
  const file = parsed.data;
  const { list, rejected } = buildDncList(file.doNotCall ?? [], defaultRegion);
  if (rejected.length > 0) {
    const index = new Map((file.doNotCall ?? []).map((entry, i) => [entry, i]));
    const errors: FieldError[] = rejected.map((r) => ({
      field: `doNotCall[${index.get(r.entry) ?? '?'}]`,
      message: `${JSON.stringify(r.entry.slice(0, 40))} is not a phone number (${r.reason}); a do-not-call entry that cannot be read cannot block anything`,
    }));
    throw new ConfigError(what, errors);
  }
  const region = defaultRegion.toUpperCase();
  return {
    dispositions: file.dispositions ?? [...DEFAULT_DISPOSITIONS],
    surveys: new Map([...DEFAULT_SURVEYS, ...(file.surveys ?? [])].map((s) => [s.id, s])),
    scripts: new Map([...Object.entries(DEFAULT_SCRIPTS), ...Object.entries(file.scripts ?? {})]),
    calendar: file.callingWindows ?? CallingCalendar.parse(DEFAULT_CALENDAR_INPUT),
    retry: file.retryPolicy ?? RetryPolicy.parse({}),
    dnc: list,
    progressiveDelaySec: file.progressiveDelaySec ?? 0,
    holdAhead: file.holdAhead ?? DEFAULT_HOLD_AHEAD,
    zone: {
      defaultRegion: region,
      defaultZone: file.defaultZone ?? REGION_ZONES[region] ?? 'Asia/Shanghai',
      ...(file.zoneByRegion ? { zoneByRegion: file.zoneByRegion } : {}),
    },
    source,
  };
}

/**
 * Reads the settings file; null means the built-ins. Throws ConfigError naming the file and the
 * first bad field (all of them in `errors`): a bad file stops the console before it opens the
 * store, so nothing is written under settings nobody meant.
 */
export function loadFollowUpConfig(file: string | null, defaultRegion: string): FollowUpConfig {
  if (file === null) return followUpConfig(undefined, defaultRegion);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`follow-up settings ${file}`, [{ field: '', message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` }]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError(`follow-up settings ${file}`, [{ field: '', message: `not valid JSON: ${(error as Error).message}` }]);
  }
  return followUpConfig(json, defaultRegion, file);
}

/** Which file to read: the flag, then the environment, then the machine-wide path if it exists. */
export function configFileFrom(options: { flag: string | undefined; env: Record<string, string | undefined>; platform: NodeJS.Platform; exists: (path: string) => boolean }): string | null {
  if (options.flag !== undefined && options.flag !== '') return options.flag;
  const fromEnv = options.env[FOLLOWUP_CONFIG_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const managed = managedConfigPath(options.platform, options.env);
  return options.exists(managed) ? managed : null;
}
