import { z } from 'zod';

/**
 * zod 4 compiles object parsers with `new Function` after probing whether eval is allowed. The
 * console's CSP forbids eval, so the probe would log a CSP violation on every start. Jitless
 * parsing is plenty fast for the few envelopes per second the renderer reads.
 * Must run before any schema is built: main.tsx imports this module first.
 */
z.config({ jitless: true });
