import { act, render } from '@testing-library/react';
import { App } from '../App';
import { createApp } from '../createApp';
import { memoryStorage, type FakeHost } from './fakeHost';

/** Renders the whole console against a fake host, the way main.tsx does against the real one. */
export function renderApp(host: FakeHost, { languages = ['en-US'], storage = memoryStorage() } = {}) {
  const { stores, i18n } = createApp({ client: host.client, storage, preferredLanguages: languages });
  const stop = stores.start();
  const view = render(<App stores={stores} i18n={i18n} />);
  return {
    ...view,
    stores,
    i18n,
    storage,
    unmount() {
      view.unmount();
      stop();
    },
  };
}

/**
 * jsdom does no layout, so every element is 0px tall and a virtual list would render nothing.
 * Give scroll containers a viewport height; row sizes come from the lists' fixed estimates.
 */
export function stubViewport(height = 600, width = 900): () => void {
  const proto = HTMLElement.prototype;
  const original = {
    clientHeight: Object.getOwnPropertyDescriptor(proto, 'clientHeight'),
    clientWidth: Object.getOwnPropertyDescriptor(proto, 'clientWidth'),
  };
  Object.defineProperty(proto, 'clientHeight', { configurable: true, get: () => height });
  Object.defineProperty(proto, 'clientWidth', { configurable: true, get: () => width });
  return () => {
    if (original.clientHeight) Object.defineProperty(proto, 'clientHeight', original.clientHeight);
    if (original.clientWidth) Object.defineProperty(proto, 'clientWidth', original.clientWidth);
  };
}

/** Lets pending host replies (first loads, page fetches) land inside act(). */
export async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

/** A user action (click, typing, a store call) followed by the host replies it caused. */
export async function interact(action: () => unknown): Promise<void> {
  act(() => {
    action();
  });
  await settle();
}
