// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { detectLanguage } from './languages';
import { en } from './resources/en';
import { zhCN } from './resources/zh-CN';
import { createI18n } from './setup';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe('i18n resources', () => {
  const english = flatten(en);
  const chinese = flatten(zhCN);

  it('have every key in both languages', () => {
    expect([...chinese.keys()].filter((k) => !english.has(k))).toEqual([]);
    expect([...english.keys()].filter((k) => !chinese.has(k))).toEqual([]);
  });

  it('have no empty text', () => {
    expect([...english, ...chinese].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const mismatched = [...english].filter(([key, text]) => variables(text).join() !== variables(chinese.get(key) ?? '').join()).map(([k]) => k);
    expect(mismatched).toEqual([]);
  });
});

describe('language choice', () => {
  it('follows the browser: Chinese variants give zh-CN, anything else English', () => {
    expect(detectLanguage(['zh-CN', 'en'])).toBe('zh-CN');
    expect(detectLanguage(['zh-TW'])).toBe('zh-CN');
    expect(detectLanguage(['en-GB', 'zh-CN'])).toBe('en');
    expect(detectLanguage(['fr-FR', 'zh'])).toBe('zh-CN');
    expect(detectLanguage(['fr-FR'])).toBe('en');
    expect(detectLanguage([])).toBe('en');
  });

  it('keeps <html lang> and the title in step with the language', async () => {
    const i18n = createI18n('en');
    await i18n.changeLanguage('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(document.title).toBe(zhCN.app.title);
    await i18n.changeLanguage('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('formats counts with grouping and picks plural forms', () => {
    const i18n = createI18n('en');
    expect(i18n.t('history.eventCount', { count: 10000 })).toBe('10,000 events');
    expect(i18n.t('history.eventCount', { count: 1 })).toBe('1 event');
  });
});
