/**
 * A new user opens the web console and looks a customer up by phone number, typed the way people
 * type numbers, then by name; an unknown number gets a clear "no customer" state.
 */
import { KNOWN } from '../../../electron/host/demo/known';
import type { Locator } from '@playwright/test';
import { test, expect } from '../support/fixtures';

async function kindsOf(rows: Locator): Promise<Set<string | null>> {
  const kinds = new Set<string | null>();
  for (const row of await rows.all()) kinds.add(await row.getAttribute('data-kind'));
  return kinds;
}

test.describe('customer search', () => {
  for (const typed of ['138 0013 8000', '+86-138-0013-8000']) {
    test(`finds 张伟 by the number typed as "${typed}" and shows his history`, async ({ page, webHost }) => {
      await page.goto(webHost.url);
      const search = page.getByTestId('search-input');
      await search.fill(typed);
      await search.press('Enter');

      const view = page.getByTestId('customer-360');
      await expect(view).toBeVisible();
      await expect(page.getByTestId('customer-name')).toHaveText(KNOWN.zhangWei.name);
      await expect(page.getByTestId('customer-phones')).toContainText('138 0013 8000');
      // His history: rows of several kinds, the open complaint among them, newest first.
      const rows = page.getByTestId('history-list').getByTestId('history-row');
      await expect(rows.first()).toBeVisible();
      expect(await rows.count()).toBeGreaterThan(5);
      await expect(page.locator(`[data-testid="history-row"][data-event-id="${KNOWN.zhangWei.openTicketEventId}"]`)).toBeVisible();
      expect((await kindsOf(rows)).size).toBeGreaterThanOrEqual(3);
    });
  }

  test('an unknown number shows a clear "no customer" state', async ({ page, webHost }) => {
    await page.goto(webHost.url);
    const search = page.getByTestId('search-input');
    await search.fill('136 0013 6000');
    await search.press('Enter');
    const empty = page.getByTestId('no-customer');
    await expect(empty).toBeVisible();
    // It names the number as the app read it, so the agent sees what was searched.
    await expect(empty).toContainText('136 0013 6000');
    await expect(page.getByTestId('customer-360')).toHaveCount(0);
  });

  test('filters the history by kind', async ({ page, webHost }) => {
    await page.goto(webHost.url);
    await page.getByTestId('search-input').fill(KNOWN.zhangWei.mobile);
    await page.getByTestId('search-input').press('Enter');
    await expect(page.getByTestId('customer-360')).toBeVisible();
    await page.getByTestId('kind-filter-order').click();
    const rows = page.getByTestId('history-list').getByTestId('history-row');
    await expect(rows.first()).toHaveAttribute('data-kind', 'order');
    expect([...(await kindsOf(rows))]).toEqual(['order']);
  });

  test('a shared home line offers both customers, and a name search finds a customer', async ({ page, webHost }) => {
    await page.goto(webHost.url);
    const search = page.getByTestId('search-input');
    await search.fill('137 0013 7000');
    await search.press('Enter');
    const results = page.getByTestId('search-results');
    for (const customer of KNOWN.sharedLine.customers) await expect(results).toContainText(customer.name);

    await search.fill('Emily');
    await search.press('Enter');
    await expect(page.getByText(KNOWN.english.name).first()).toBeVisible();
  });

  test('scrolls a 10,000-event history without rendering it all', async ({ page, webHost }) => {
    await page.goto(webHost.url);
    await page.getByTestId('search-input').fill(KNOWN.longHistory.mobile);
    await page.getByTestId('search-input').press('Enter');
    await expect(page.getByTestId('customer-name')).toHaveText(KNOWN.longHistory.name);
    const list = page.getByTestId('history-list');
    const rows = list.getByTestId('history-row');
    await expect(rows.first()).toBeVisible();
    const firstId = await rows.first().getAttribute('data-event-id');
    expect(await rows.count()).toBeLessThan(200);
    await list.hover();
    for (let i = 0; i < 8; i++) {
      await page.mouse.wheel(0, 3000);
      await page.waitForTimeout(100);
    }
    // Older events came in as pages while scrolling, and the DOM still holds only a window of rows.
    await expect(rows.first()).not.toHaveAttribute('data-event-id', firstId ?? '');
    expect(await rows.count()).toBeLessThan(200);
  });
});
