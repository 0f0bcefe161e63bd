// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HISTORY_PAGE_SIZE } from '../../stores/customer';
import { createFakeHost, type FakeHost } from '../../testing/fakeHost';
import { makeCustomer, makeHistory } from '../../testing/fixtures';
import { interact, renderApp, settle, stubViewport } from '../../testing/renderApp';
import { ROW_HEIGHT } from './HistoryList';

const EVENTS = 10_000;
const VIEWPORT = 600;
let restoreViewport: () => void;
beforeAll(() => {
  restoreViewport = stubViewport(VIEWPORT);
});
afterAll(() => restoreViewport());
afterEach(cleanup);

async function openRichCustomer(): Promise<{ host: FakeHost; list: HTMLElement }> {
  const history = makeHistory(EVENTS);
  const host = createFakeHost({ customers: [makeCustomer()], history: { 'c-1': history } });
  const app = renderApp(host);
  await interact(() => app.stores.openCustomer('c-1'));
  await settle();
  return { host, list: screen.getByTestId('history-list') };
}

async function scrollTo(list: HTMLElement, top: number) {
  await interact(() => {
    list.scrollTop = top;
    fireEvent.scroll(list);
  });
  await settle();
}

describe('customer 360 history', () => {
  it('shows the profile with every number formatted and the primary one marked', async () => {
    await openRichCustomer();
    expect(screen.getByTestId('customer-name').textContent).toBe('王芳');
    const phones = screen.getByTestId('customer-phones').textContent ?? '';
    expect(phones).toContain('138 0013 8000');
    expect(phones).toContain('021 5050 1234');
    expect(phones).toContain('Primary');
    expect(screen.getByTestId('kind-filter-all').textContent).toContain('10,000');
  });

  it('renders only a window of rows for a 10,000-event history', async () => {
    await openRichCustomer();
    const rows = screen.getAllByTestId('history-row');
    // A 600px viewport holds ~10 rows; with overscan the DOM stays far below one page, let alone 10,000.
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]?.textContent).toContain('call e010000');
  });

  it('requests the next page with the cursor as the end comes near, and keeps the window small', async () => {
    const { host, list } = await openRichCustomer();
    expect(host.callsOf('historyPage')).toHaveLength(0); // The first page came with getCustomer.
    const firstPage = makeHistory(EVENTS).slice(0, HISTORY_PAGE_SIZE);
    const last = firstPage[firstPage.length - 1];

    await scrollTo(list, HISTORY_PAGE_SIZE * ROW_HEIGHT - VIEWPORT);
    expect(host.callsOf('historyPage')[0]).toEqual({ customerId: 'c-1', before: { occurredAt: last?.occurredAt, id: last?.id }, limit: HISTORY_PAGE_SIZE });

    // Deep into the second page: still a window, and the rows are the older events.
    await scrollTo(list, (HISTORY_PAGE_SIZE + 40) * ROW_HEIGHT);
    const rows = screen.getAllByTestId('history-row');
    expect(rows.length).toBeLessThan(40);
    expect(rows.some((r) => Number(r.dataset.eventId?.slice(1)) < EVENTS - HISTORY_PAGE_SIZE)).toBe(true);
  });

  it('reloads with only that kind when a kind chip is clicked', async () => {
    const { host } = await openRichCustomer();
    const chip = screen.getByTestId('kind-filter-order');
    expect(chip.textContent).toContain('1,667');
    await interact(() => fireEvent.click(chip));
    await settle();
    expect(host.callsOf('historyPage').at(-1)).toEqual({ customerId: 'c-1', kinds: ['order'], before: null, limit: HISTORY_PAGE_SIZE });
    expect(chip.getAttribute('aria-pressed')).toBe('true');
    const rows = screen.getAllByTestId('history-row');
    expect(rows.every((r) => r.dataset.kind === 'order')).toBe(true);
    expect(rows[0]?.textContent).toContain('CN¥1,299.00');
  });

  it('shows the key facts of each kind', async () => {
    await openRichCustomer();
    const text = screen.getAllByTestId('history-row').map((r) => r.textContent ?? '');
    const byKind = (kind: string) => screen.getAllByTestId('history-row').find((r) => r.dataset.kind === kind)?.textContent ?? '';
    expect(text.length).toBeGreaterThan(6);
    expect(byKind('call')).toMatch(/Inbound.*4 min 12 s.*Resolved/);
    expect(byKind('ticket')).toMatch(/Repair.*Open.*High/);
    expect(byKind('order')).toMatch(/CN¥1,299\.00.*Delivered.*1 × 空气净化器, 2 × 滤网 \+1 more/);
    expect(byKind('followup')).toMatch(/Satisfaction survey.*Satisfied/);
    expect(byKind('feedback')).toMatch(/CSAT 5\/5.*NPS 9.*CES 2\/7/);
    expect(byKind('note')).toContain('客户希望下午联系');
  });

  it('says so when a customer has no history yet', async () => {
    const host = createFakeHost({ customers: [makeCustomer()], history: {} });
    const app = renderApp(host);
    await interact(() => app.stores.openCustomer('c-1'));
    await settle();
    expect(screen.getByTestId('history-empty').textContent).toContain('No history yet');
  });
});
