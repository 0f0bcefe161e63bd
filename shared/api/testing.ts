import { METHODS, type Handlers } from './contract';

/**
 * For tests: a handler map where every method throws "not used in this test". Spread it under the
 * handlers a test cares about, so adding a method to the contract does not break every fake.
 */
export function handlersThatThrow(): Handlers {
  const handlers: Record<string, () => never> = {};
  for (const method of METHODS) {
    handlers[method] = () => {
      throw new Error(`${method}: not used in this test`);
    };
  }
  return handlers as unknown as Handlers;
}
