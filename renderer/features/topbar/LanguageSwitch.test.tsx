// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, memoryStorage } from '../../testing/fakeHost';
import { interact, renderApp } from '../../testing/renderApp';

afterEach(cleanup);

describe('language switch', () => {
  it('follows the browser language on first start', () => {
    renderApp(createFakeHost(), { languages: ['zh-CN', 'en'] });
    expect(screen.getByTestId('search-hint').textContent).toContain('查找客户');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('changes the visible text, <html lang>, and is remembered for the next start', async () => {
    const storage = memoryStorage();
    const first = renderApp(createFakeHost(), { languages: ['en-US'], storage });
    expect(screen.getByTestId('search-hint').textContent).toContain('Find a customer');
    expect(screen.getByTestId('softphone-panel').textContent).toContain('Softphone');
    expect(screen.getByTestId('agent-state').textContent).toContain('Offline');

    await interact(() => fireEvent.click(screen.getByTestId('language-zh-CN')));
    expect(screen.getByTestId('search-hint').textContent).toContain('查找客户');
    expect(screen.getByTestId('softphone-panel').textContent).toContain('软电话');
    expect(screen.getByTestId('agent-state').textContent).toContain('离线');
    expect(screen.getByTestId<HTMLInputElement>('search-input').placeholder).toBe('电话号码或客户姓名');
    expect(screen.getByTestId('language-zh-CN').getAttribute('aria-pressed')).toBe('true');
    expect(document.documentElement.lang).toBe('zh-CN');
    first.unmount();

    // An English browser, but the agent chose Chinese last time.
    renderApp(createFakeHost(), { languages: ['en-US'], storage });
    expect(screen.getByTestId('search-hint').textContent).toContain('查找客户');
  });
});
