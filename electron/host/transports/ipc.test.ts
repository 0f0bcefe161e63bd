import { describe, expect, it } from 'vitest';
import { appUrlMatcher } from './ipc';

describe('appUrlMatcher', () => {
  it('accepts pages of the app protocol and nothing else', () => {
    const isApp = appUrlMatcher('app://huifang/index.html');
    expect(isApp('app://huifang/index.html')).toBe(true);
    expect(isApp('app://huifang/settings?x=1#y')).toBe(true);
    expect(isApp('app://other/index.html')).toBe(false);
    expect(isApp('https://huifang/index.html')).toBe(false);
    expect(isApp('')).toBe(false);
    expect(isApp('not a url')).toBe(false);
  });

  it('for file: URLs, accepts only the renderer directory', () => {
    const isApp = appUrlMatcher('file:///opt/Huifang/resources/app.asar/dist/renderer/index.html');
    expect(isApp('file:///opt/Huifang/resources/app.asar/dist/renderer/index.html#/queue')).toBe(true);
    expect(isApp('file:///opt/Huifang/resources/app.asar/dist/renderer/../../../../../tmp/evil.html')).toBe(false);
    expect(isApp('file:///home/agent/Downloads/evil.html')).toBe(false);
  });

  it('for the Vite dev server, accepts its origin only', () => {
    const isApp = appUrlMatcher('http://127.0.0.1:5173/');
    expect(isApp('http://127.0.0.1:5173/src/main.tsx')).toBe(true);
    expect(isApp('http://127.0.0.1:5174/')).toBe(false);
    expect(isApp('http://localhost:5173/')).toBe(false);
  });
});
