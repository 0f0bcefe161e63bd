/**
 * Makes a demo database: `tsx scripts/seed-demo.ts --db .data/huifang.db --customers 10000 --seed 42`.
 * Refuses to overwrite a store that is not demo data unless --force is given.
 */
import { parseArgs } from 'node:util';
import { KNOWN } from '../electron/host/demo/known';
import { RefusedToOverwrite, seedDemoFile } from '../electron/host/demo/seedFile';
import { MAX_CUSTOMERS, MIN_CUSTOMERS, anchor, failer, integer } from './demo-cli';

const fail = failer('seed-demo');

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        db: { type: 'string', default: '.data/huifang.db' },
        customers: { type: 'string', default: '10000' },
        seed: { type: 'string', default: '42' },
        anchor: { type: 'string' },
        force: { type: 'boolean', default: false },
      },
      strict: true,
    });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
})();

const customers = integer(fail, 'customers', values.customers, MIN_CUSTOMERS, MAX_CUSTOMERS);
const seed = integer(fail, 'seed', values.seed, 0, 2 ** 32 - 1);
const anchorMs = anchor(fail, values.anchor);

const fmt = (n: number) => n.toLocaleString('en-US');
process.stderr.write(`seeding ${values.db}: ${fmt(customers)} customers, seed ${seed}…\n`);
try {
  const stats = seedDemoFile(values.db, {
    customers,
    seed,
    ...(anchorMs !== undefined ? { anchorMs } : {}),
    force: values.force,
    onProgress: (s) => {
      if (s.customers % 100_000 === 0 || s.customers === customers) {
        process.stderr.write(`  ${fmt(s.customers)} customers, ${fmt(s.events)} events (${(s.ms / 1000).toFixed(1)} s)\n`);
      }
    },
  });
  const lines = [
    `Seeded ${values.db} in ${(stats.ms / 1000).toFixed(1)} s (CPU ${(stats.cpuMs / 1000).toFixed(1)} s), ${(stats.bytes / 1024 / 1024).toFixed(1)} MiB:`,
    `  ${fmt(stats.customers)} customers, ${fmt(stats.phones)} phone numbers, ${fmt(stats.events)} history events, ${fmt(stats.tasks)} follow-up tasks`,
    `  time: generating ${(stats.phases.generateMs / 1000).toFixed(1)} s, validating + writing ${(stats.phases.writeMs / 1000).toFixed(1)} s, indexes + statistics ${(stats.phases.finishMs / 1000).toFixed(1)} s`,
    'Well-known records (electron/host/demo/known.ts):',
    `  ${KNOWN.zhangWei.name} ${KNOWN.zhangWei.mobile} / ${KNOWN.zhangWei.office}: varied history, open complaint, queued complaint_care task`,
    `  ${KNOWN.longHistory.name} ${KNOWN.longHistory.mobile}: exactly ${fmt(KNOWN.longHistory.events)} history events`,
    `  ${KNOWN.sharedLine.customers.map((c) => c.name).join(' + ')} share ${KNOWN.sharedLine.e164}`,
    `  ${KNOWN.english.name} ${KNOWN.english.mobile}`,
    `  ${KNOWN.unknownNumber}: valid, belongs to nobody`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} catch (error) {
  if (error instanceof RefusedToOverwrite) fail(error.message);
  throw error;
}
