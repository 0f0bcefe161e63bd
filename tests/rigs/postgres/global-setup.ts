import type { TestProject } from 'vitest/node';
import { startCluster, type Cluster } from './cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of a PostgreSQL server for tests, or '' when there is none. */
    huifangPgUrl: string;
    /** Why there is none: printed by every PostgreSQL suite that skips. */
    huifangPgSkipReason: string;
  }
}

/**
 * Vitest global setup: gives the PostgreSQL suites a server. HUIFANG_PG_URL wins; otherwise a
 * throwaway cluster is started (about a second) when the run includes server tests, and stopped
 * after. HUIFANG_PG=off turns PostgreSQL tests off.
 */
function runIncludesServerTests(): boolean {
  const i = process.argv.findIndex((a) => a === 'run' || a.endsWith('vitest') || a.endsWith('vitest.mjs'));
  const filters = process.argv.slice(i + 1).filter((a) => !a.startsWith('-') && a !== 'run');
  return filters.length === 0 || filters.some((f) => /server|postgres|sync|bench/.test(f));
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const provide = (url: string, reason: string) => {
    project.provide('huifangPgUrl', url);
    project.provide('huifangPgSkipReason', reason);
  };
  if (process.env.HUIFANG_PG_URL) {
    provide(process.env.HUIFANG_PG_URL, '');
    return undefined;
  }
  if (process.env.HUIFANG_PG === 'off') {
    provide('', 'HUIFANG_PG=off');
    return undefined;
  }
  if (!runIncludesServerTests()) {
    provide('', 'this run selected no server tests, so no cluster was started');
    return undefined;
  }
  let cluster: Cluster;
  try {
    cluster = await startCluster();
  } catch (error) {
    provide('', `could not start a PostgreSQL cluster: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return undefined;
  }
  provide(cluster.url, '');
  return () => cluster.stop();
}
