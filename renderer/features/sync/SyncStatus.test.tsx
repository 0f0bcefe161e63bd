// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../shared/api/envelope';
import { type LoginInput, type SyncStatus } from '../../../shared/api/sync';
import { createFakeHost, type FakeHost } from '../../testing/fakeHost';
import { interact, renderApp, settle } from '../../testing/renderApp';

afterEach(cleanup);

const base: SyncStatus = { state: 'signed_out', offlineSince: null, pending: 0, lastSyncAt: null, server: null, username: null, lastError: null, progress: null };
const online: SyncStatus = { ...base, state: 'online', server: 'http://127.0.0.1:8787', username: 'li.na', lastSyncAt: new Date().toISOString() };

async function show(status: SyncStatus, login?: (input: LoginInput) => SyncStatus, languages = ['en-US']) {
  const host = createFakeHost({}, { syncStatus: () => status, ...(login ? { login } : {}) });
  const app = renderApp(host, { languages });
  await settle();
  return { host, app, pill: () => screen.getByTestId('sync-status') };
}

function fillLogin(password: string) {
  fireEvent.change(screen.getByTestId('sync-login-server'), { target: { value: 'http://127.0.0.1:8787' } });
  fireEvent.change(screen.getByTestId('sync-login-username'), { target: { value: 'li.na' } });
  fireEvent.change(screen.getByTestId('sync-login-password'), { target: { value: password } });
}

describe('sync status pill', () => {
  it('shows each state the host reports', async () => {
    const { pill } = await show(online);
    expect(pill().dataset.state).toBe('online');
    expect(pill().textContent).toContain('Synced');
    cleanup();

    const syncing = await show({ ...online, state: 'syncing' });
    expect(syncing.pill().dataset.state).toBe('syncing');
    expect(syncing.pill().textContent).toContain('Syncing');
    cleanup();

    // A first sign-in loading a team's customers says how far it has come.
    const loading = await show({ ...online, state: 'syncing', progress: 0.427 });
    expect(loading.pill().textContent).toContain('Syncing… 42%');
    cleanup();
    await show({ ...online, state: 'syncing', progress: 0.999 }, undefined, ['zh-CN']);
    expect(screen.getByTestId('sync-status').textContent).toContain('同步中… 99%');
    cleanup();

    const since = new Date();
    since.setHours(9, 41, 0, 0);
    const offline = await show({ ...online, state: 'offline', offlineSince: since.toISOString(), lastError: 'cannot reach http://127.0.0.1:8787' });
    expect(offline.pill().dataset.state).toBe('offline');
    expect(offline.pill().textContent).toContain('Offline since 09:41');
    cleanup();

    const out = await show(base);
    expect(out.pill().dataset.state).toBe('signed_out');
    expect(out.pill().textContent).toContain('Signed out');
  });

  it('counts the local changes still waiting for the server, in either language', async () => {
    const { pill } = await show({ ...online, state: 'offline', offlineSince: new Date().toISOString(), pending: 3 });
    expect(screen.getByTestId('sync-pending').textContent).toBe('3 changes waiting');
    expect(pill().dataset.pending).toBe('3');
    cleanup();

    await show({ ...online, pending: 1 });
    expect(screen.getByTestId('sync-pending').textContent).toBe('1 change waiting');
    cleanup();

    await show({ ...online, pending: 1200 }, undefined, ['zh-CN']);
    expect(screen.getByTestId('sync-pending').textContent).toBe('1,200 项更改待上传');
    expect(screen.getByTestId('sync-status').textContent).toContain('已同步');
    cleanup();

    await show(online);
    expect(screen.queryByTestId('sync-pending')).toBeNull();
  });

  it('follows the host’s syncStatus events', async () => {
    const { host, pill } = await show(online);
    act(() => host.emit('syncStatus', { ...online, state: 'syncing', pending: 2 }));
    expect(pill().dataset.state).toBe('syncing');
    expect(screen.getByTestId('sync-pending').textContent).toBe('2 changes waiting');
    act(() => host.emit('syncStatus', { ...online, pending: 0 }));
    expect(pill().dataset.state).toBe('online');
    expect(screen.queryByTestId('sync-pending')).toBeNull();
  });
});

describe('sign-in dialog', () => {
  function refusing(error: ApiFailure) {
    return () => {
      throw error;
    };
  }

  async function tryLogin(host: FakeHost, password: string) {
    await interact(() => fireEvent.click(screen.getByTestId('sync-status')));
    fillLogin(password);
    await interact(() => fireEvent.click(screen.getByTestId('sync-login-submit')));
    return host;
  }

  it('says the password is wrong and keeps the dialog open', async () => {
    const { host } = await show(base, refusing(new ApiFailure('unauthorized', 'wrong user name or password')));
    await tryLogin(host, 'nope');
    expect(screen.getByTestId('sync-login-error').textContent).toBe('Wrong user name or password.');
    expect(screen.getByTestId('sync-login-error').dataset.kind).toBe('credentials');
    expect(screen.getByTestId('sync-login-password').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('sync-login')).toBeTruthy();
    expect(screen.getByTestId('sync-status').dataset.state).toBe('signed_out');
  });

  it('says the server cannot be reached, with the cause, and blames the address', async () => {
    const { host } = await show(base, refusing(new ApiFailure('unavailable', 'cannot reach http://127.0.0.1:8787: connect ECONNREFUSED', 'server')));
    await tryLogin(host, 'secret');
    const error = screen.getByTestId('sync-login-error');
    expect(error.textContent).toContain('The server cannot be reached');
    expect(error.textContent).toContain('ECONNREFUSED');
    expect(screen.getByTestId('sync-login-server').getAttribute('aria-invalid')).toBe('true');
    // The host itself answered: its light stays green.
    expect(screen.getByTestId('host-status').dataset.status).toBe('online');
  });

  it('says when too many sign-ins failed and how long to wait, in Chinese too', async () => {
    const { host } = await show(base, refusing(new ApiFailure('unauthorized', 'too many failed sign-ins; try again in 840 s')), ['zh-CN']);
    await tryLogin(host, 'again');
    expect(screen.getByTestId('sync-login-error').dataset.kind).toBe('rate_limited');
    expect(screen.getByTestId('sync-login-error').textContent).toBe('登录失败次数过多。请在 840 秒后重试。');
  });

  it('names the bad field when the input is refused', async () => {
    const { host } = await show(base);
    await interact(() => fireEvent.click(screen.getByTestId('sync-status')));
    fillLogin('x');
    fireEvent.change(screen.getByTestId('sync-login-server'), { target: { value: 'ftp://example' } });
    await interact(() => fireEvent.click(screen.getByTestId('sync-login-submit')));
    expect(screen.getByTestId('sync-login-error').dataset.kind).toBe('invalid');
    expect(screen.getByTestId('sync-login-server').getAttribute('aria-invalid')).toBe('true');
    expect(host.callsOf('login')).toEqual([]);
  });

  it('signs in: the dialog closes and the pill shows online', async () => {
    let seen: LoginInput | null = null;
    const { host, pill } = await show(base, (input) => {
      seen = input;
      return online;
    });
    await tryLogin(host, 'correct horse');
    expect(seen).toEqual({ server: 'http://127.0.0.1:8787', username: 'li.na', password: 'correct horse' });
    expect(screen.queryByTestId('sync-login')).toBeNull();
    expect(pill().dataset.state).toBe('online');
    expect(pill().textContent).toContain('Synced');
  });

  it('signs out from the account dialog', async () => {
    const { host, pill } = await show(online);
    await interact(() => fireEvent.click(pill()));
    expect(screen.getByTestId('sync-account').textContent).toContain('li.na at http://127.0.0.1:8787');
    await interact(() => fireEvent.click(screen.getByTestId('sync-sign-out')));
    expect(host.callsOf('logout')).toHaveLength(1);
    expect(pill().dataset.state).toBe('signed_out');
  });
});
