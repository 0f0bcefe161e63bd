import { describe, expect, it } from 'vitest';
import { PULL_CURSOR_HEADER, PULL_HAS_MORE_HEADER } from '../../../shared/sync';
import { ServerUnreachable, serverApi } from './http';

/**
 * A fetch that answers every pull with `headers` at once and with `body` only once `release()` is
 * called: the headers arrive while the server is still sending the body.
 */
function fakeFetch(body: unknown, headers: Record<string, string>) {
  let release = () => {};
  const sent = new Promise<void>((resolve) => (release = resolve));
  const fetchImpl = ((() =>
    Promise.resolve(
      new Response(
        new ReadableStream({
          async start(controller) {
            await sent;
            controller.enqueue(new TextEncoder().encode(JSON.stringify(body)));
            controller.close();
          },
        }),
        { status: 200, headers: { 'content-type': 'application/json', ...headers } },
      ),
    )) as unknown) as typeof fetch;
  return { fetchImpl, release: () => release() };
}

const page = { changes: [], cursor: 42, hasMore: true };

describe('serverApi.pull', () => {
  it('says where the page ends from the headers, before the body is read', async () => {
    const { fetchImpl, release } = fakeFetch(page, { [PULL_CURSOR_HEADER]: '42', [PULL_HAS_MORE_HEADER]: '1' });
    const answer = await serverApi('http://127.0.0.1:1', fetchImpl).pull('token', 0, 10);
    expect(answer.next).toEqual({ cursor: 42, hasMore: true });
    release();
    expect(await answer.page()).toEqual(page);
  });

  it('refuses a body that disagrees with its headers', async () => {
    const { fetchImpl, release } = fakeFetch(page, { [PULL_CURSOR_HEADER]: '41', [PULL_HAS_MORE_HEADER]: '1' });
    release();
    const answer = await serverApi('http://127.0.0.1:1', fetchImpl).pull('token', 0, 10);
    await expect(answer.page()).rejects.toThrow(ServerUnreachable);
  });

  it('still reads a page whose headers were stripped or garbled on the way', async () => {
    for (const headers of <Record<string, string>[]>[{}, { [PULL_CURSOR_HEADER]: 'x', [PULL_HAS_MORE_HEADER]: '1' }, { [PULL_CURSOR_HEADER]: '42', [PULL_HAS_MORE_HEADER]: 'yes' }]) {
      const { fetchImpl, release } = fakeFetch(page, headers);
      release();
      const answer = await serverApi('http://127.0.0.1:1', fetchImpl).pull('token', 0, 10);
      expect(answer.next).toBeNull();
      expect(await answer.page()).toEqual(page);
    }
  });
});
