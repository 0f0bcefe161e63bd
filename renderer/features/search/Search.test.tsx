// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost } from '../../testing/fakeHost';
import { makeCustomer, makeHistory } from '../../testing/fixtures';
import { interact, renderApp, settle } from '../../testing/renderApp';

afterEach(cleanup);

const customers = [
  makeCustomer({ id: 'c-1', name: '王芳', city: '上海' }),
  makeCustomer({ id: 'c-2', name: '王磊', city: '北京', segment: 'standard' }),
  makeCustomer({ id: 'c-3', name: 'Alice Chen', city: 'Shenzhen' }),
];

async function searchFor(query: string) {
  const input = screen.getByTestId('search-input');
  fireEvent.change(input, { target: { value: query } });
  await interact(() => fireEvent.submit(input.closest('form') as HTMLFormElement));
}

describe('customer search', () => {
  it('starts with a hint on how to search', () => {
    renderApp(createFakeHost({ customers }));
    expect(screen.getByTestId('search-hint').textContent).toContain('Find a customer');
  });

  it('shows a deliberate "no customer" card for an unknown number, with the number as it was read', async () => {
    renderApp(createFakeHost({ customers }));
    await searchFor('138 0013 9999');
    const card = await screen.findByTestId('no-customer');
    expect(card.textContent).toContain('No customer with number +86 138 0013 9999');
    expect(screen.getByTestId('query-reading').textContent).toBe('Number +86 138 0013 9999');
  });

  it('says a number is invalid rather than unknown', async () => {
    renderApp(createFakeHost({ customers }));
    await searchFor('12345');
    expect((await screen.findByTestId('invalid-number')).textContent).toContain('“12345” is not a valid phone number');
  });

  it('lists several matches with formatted phones and opens the one clicked', async () => {
    renderApp(createFakeHost({ customers, history: { 'c-2': makeHistory(5, undefined, 'c-2') } }));
    await searchFor('王');
    const results = await screen.findByTestId('search-results');
    expect(results.textContent).toContain('2 customers');
    expect(results.textContent).toContain('Name “王”');
    const rows = within(results).getAllByTestId('search-result');
    expect(rows.map((r) => r.textContent)).toEqual([expect.stringContaining('王芳'), expect.stringContaining('王磊')]);
    expect(rows[1]?.textContent).toContain('138 0013 8000');
    await interact(() => fireEvent.click(rows[1] as HTMLElement));
    expect((await screen.findByTestId('customer-name')).textContent).toBe('王磊');
    expect(screen.getByTestId('customer-360')).toBeTruthy();
  });

  it('opens the 360 view at once when exactly one customer matches', async () => {
    renderApp(createFakeHost({ customers, history: { 'c-3': makeHistory(3, undefined, 'c-3') } }));
    await searchFor('Alice');
    expect((await screen.findByTestId('customer-name')).textContent).toBe('Alice Chen');
    expect(screen.queryByTestId('search-results')).toBeNull();
  });

  it('jumps to the search box on "/" unless the agent is typing elsewhere', () => {
    renderApp(createFakeHost({ customers }));
    const input = screen.getByTestId('search-input');
    fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).toBe(input);
    const other = screen.getByTestId('queue-status-filter');
    other.focus();
    fireEvent.keyDown(other, { key: '/' });
    expect(document.activeElement).toBe(other);
  });

  it('offers a retry when the host is unreachable', async () => {
    const host = createFakeHost({ customers });
    renderApp(host);
    await settle();
    host.setDown(true);
    await searchFor('王');
    const error = await screen.findByTestId('search-error');
    expect(error.textContent).toContain('The host is unreachable');
    expect(screen.getByTestId('host-status').textContent).toContain('Host unreachable');
    host.setDown(false);
    await interact(() => fireEvent.click(within(error).getByRole('button', { name: /retry/i })));
    expect(await screen.findByTestId('search-results')).toBeTruthy();
    expect(screen.getByTestId('host-status').textContent).toContain('Online');
  });
});
