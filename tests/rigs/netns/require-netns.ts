/**
 * Playwright global setup of the rig suite: refuse to run outside a loopback-only network
 * namespace, where WebRTC media could not flow over 127.0.0.1 (and traffic could leave the host).
 * Set RIG_ALLOW_ANY_NETNS=1 to skip the check (signalling-only experiments).
 */
import { networkInterfaces } from 'node:os';

export default function requireLoopbackOnlyNetns(): void {
  if (process.env.RIG_ALLOW_ANY_NETNS === '1') return;
  const others = Object.entries(networkInterfaces())
    .filter(([, addresses]) => (addresses ?? []).some((a) => !a.internal))
    .map(([name]) => name);
  if (others.length > 0) {
    throw new Error(
      `The rig suite must run in a loopback-only network namespace (found interfaces: ${others.join(', ')}).\n` +
        'Run: bash scripts/rig-test.sh  (or: bash tests/rigs/netns/run-in-netns.sh npx playwright test -c tests/rigs/playwright.rig.config.ts)',
    );
  }
}
