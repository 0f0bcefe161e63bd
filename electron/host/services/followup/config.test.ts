import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../../../shared/followup/rules/builtin';
import { CallOutcome } from '../../../../shared/followup/retry';
import { unknownPlaceholders } from '../../../../shared/followup/script';
import { ConfigError } from '../../../../shared/followup/config-error';
import { createHost } from '../../composition';
import { configFileFrom, followUpConfig, loadFollowUpConfig, managedConfigPath } from './config';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'huifang-followup-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const errorsOf = (input: unknown): { field: string; message: string }[] => {
  try {
    followUpConfig(input, 'CN');
  } catch (error) {
    if (error instanceof ConfigError) return error.errors;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('follow-up settings: the built-ins', () => {
  const config = followUpConfig(undefined, 'CN');

  it('cover every call outcome with a disposition, and every survey and script the built-in rules name', () => {
    expect(new Set(config.dispositions.map((d) => d.outcome))).toEqual(new Set(CallOutcome.options));
    for (const rule of BUILTIN_RULES) {
      expect(config.scripts.has(rule.scriptId), rule.scriptId).toBe(true);
      if (rule.surveyId) expect(config.surveys.has(rule.surveyId), rule.surveyId).toBe(true);
    }
    expect(config).toMatchObject({ progressiveDelaySec: 0, holdAhead: 2, zone: { defaultRegion: 'CN', defaultZone: 'Asia/Shanghai' }, source: null });
    expect(config.retry.maxAttempts).toBe(3);
  });

  it('have scripts in Chinese and English whose placeholders all exist', () => {
    for (const [id, script] of config.scripts) {
      expect(Object.keys(script.text).sort(), id).toEqual(['en', 'zh-CN']);
      for (const text of Object.values(script.text)) expect(unknownPlaceholders(text), id).toEqual([]);
    }
  });

  it('have surveys with CSAT, NPS, CES or free text and questions of their own', () => {
    const kinds = [...config.surveys.values()].flatMap((s) => s.questions.map((q) => q.kind));
    for (const kind of ['csat', 'nps', 'ces', 'text', 'yes_no', 'choice']) expect(kinds).toContain(kind);
  });
});

describe('follow-up settings: the managed file', () => {
  it('replaces what it gives and merges surveys and scripts by id', () => {
    const config = followUpConfig(
      {
        dispositions: [{ id: 'done', label: { en: 'Done' }, outcome: 'reached' }],
        surveys: [{ id: 'nps-only', title: { en: 'NPS' }, questions: [{ id: 'nps', kind: 'nps', required: true }] }],
        scripts: { 'satisfaction-v1': { title: { en: 'Ours' }, text: { en: 'Hi {{customer.name}}' } } },
        callingWindows: { weekly: { mon: ['10:00-16:00'], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } },
        retryPolicy: { maxAttempts: 5 },
        doNotCall: ['138 0013 8000'],
        progressiveDelaySec: 5,
        holdAhead: 0,
        zoneByRegion: { US: 'America/Chicago' },
      },
      'CN',
    );
    expect(config.dispositions.map((d) => d.id)).toEqual(['done']);
    expect([...config.surveys.keys()]).toEqual(['csat-delivery', 'csat-purchase', 'csat-complaint', 'nps-only']);
    expect(config.scripts.get('satisfaction-v1')?.text).toEqual({ en: 'Hi {{customer.name}}' });
    expect(config.scripts.has('renewal-v1')).toBe(true);
    expect(config).toMatchObject({ progressiveDelaySec: 5, holdAhead: 0, retry: { maxAttempts: 5 }, zone: { zoneByRegion: { US: 'America/Chicago' } } });
    expect([...config.dnc.numbers]).toEqual(['+8613800138000']);
  });

  it('names every bad field, typos included', () => {
    expect(
      errorsOf({
        dispositons: [],
        dispositions: [
          { id: 'a', label: { en: 'A' }, outcome: 'reached' },
          { id: 'a', label: { en: 'B' }, outcome: 'maybe' },
        ],
        callingWindows: { weekly: { mon: ['09:00-25:00'], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } },
        scripts: { 'renewal-v1': { title: { en: 'R' }, text: { en: 'Hello {{custmer.name}}' } } },
        defaultZone: 'Asia/Beijing',
      }).map((e) => e.field),
    ).toEqual(expect.arrayContaining(['dispositons', 'dispositions[1].outcome', 'callingWindows.weekly.mon[0]', 'scripts.renewal-v1.text.en', 'defaultZone']));
    expect(errorsOf({ dispositions: [{ id: 'a', label: { en: 'A' }, outcome: 'reached' }, { id: 'a', label: { en: 'B' }, outcome: 'busy' }] })).toEqual([
      { field: 'dispositions[1].id', message: 'duplicate disposition id "a" (also dispositions[0])' },
    ]);
  });

  it('refuses a do-not-call entry that is not a number, naming it: it could block nothing', () => {
    expect(errorsOf({ doNotCall: ['+8613800138000', 'ask Wang'] })).toEqual([
      { field: 'doNotCall[1]', message: '"ask Wang" is not a phone number (not_a_number); a do-not-call entry that cannot be read cannot block anything' },
    ]);
  });

  it('reads the file, and says which file and which field when it cannot', () => {
    const dir = tempDir();
    const file = path.join(dir, 'followup.json');
    writeFileSync(file, '\uFEFF{"holdAhead": 1}');
    expect(loadFollowUpConfig(file, 'CN')).toMatchObject({ holdAhead: 1, source: file });
    writeFileSync(file, '{"holdAhead": 1,}');
    expect(() => loadFollowUpConfig(file, 'CN')).toThrow(new RegExp(`^follow-up settings ${file}: \\(document\\): not valid JSON`));
    writeFileSync(file, '{"holdAhead": 99}');
    expect(() => loadFollowUpConfig(file, 'CN')).toThrow(/holdAhead: Too big/);
    expect(() => loadFollowUpConfig(path.join(dir, 'missing.json'), 'CN')).toThrow(/missing\.json: \(document\): cannot be read \(ENOENT\)/);
  });

  it('stops the console before it opens the store, so a bad file changes nothing', () => {
    const dir = tempDir();
    const file = path.join(dir, 'followup.json');
    writeFileSync(file, '{"retryPolicy": {"maxAttempts": 0}}');
    const dbFile = path.join(dir, 'huifang.db');
    expect(() => createHost({ dbFile, defaultRegion: 'CN', mode: 'web', version: 'test', followUp: { configFile: file } })).toThrow(/retryPolicy\.maxAttempts/);
    expect(existsSync(dbFile)).toBe(false);
  });

  it('is found by flag, then environment, then the machine-wide path', () => {
    const exists = (p: string) => p === '/etc/huifang/followup.json';
    expect(configFileFrom({ flag: 'a.json', env: { HUIFANG_FOLLOWUP_CONFIG: 'b.json' }, platform: 'linux', exists })).toBe('a.json');
    expect(configFileFrom({ flag: undefined, env: { HUIFANG_FOLLOWUP_CONFIG: 'b.json' }, platform: 'linux', exists })).toBe('b.json');
    expect(configFileFrom({ flag: undefined, env: {}, platform: 'linux', exists })).toBe('/etc/huifang/followup.json');
    expect(configFileFrom({ flag: undefined, env: {}, platform: 'darwin', exists })).toBeNull();
    expect(managedConfigPath('win32', { ProgramData: 'D:\\PD' })).toBe('D:\\PD\\Huifang\\followup.json');
  });
});
