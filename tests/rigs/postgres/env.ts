import { inject } from 'vitest';
import { freshDatabase } from './database';

/**
 * For test files: the PostgreSQL base URL, or null with a loud line in the output saying the
 * PostgreSQL half of the suite is skipped and why. CI always has PostgreSQL, so it never skips there.
 */
export function pgBaseUrl(suite: string): string | null {
  const url = inject('huifangPgUrl');
  if (!url) {
    console.warn(`\n*** PostgreSQL tests SKIPPED in ${suite}: ${inject('huifangPgSkipReason')} (set HUIFANG_PG_URL or install PostgreSQL) ***\n`);
    return null;
  }
  return url;
}

export { freshDatabase };
