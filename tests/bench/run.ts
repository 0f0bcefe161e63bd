/**
 * `npm run bench` runs every benchmark; `npm run bench -- lookup` runs one (several names allowed);
 * arguments starting with `--` go to the benchmarks, e.g. `npm run bench -- lookup --scales=10000`.
 */
import { BENCHMARKS } from './registry';

const args = process.argv.slice(2);
const names = args.filter((a) => !a.startsWith('--'));
const options = args.filter((a) => a.startsWith('--'));
const known = Object.keys(BENCHMARKS);

const unknown = names.filter((n) => !Object.prototype.hasOwnProperty.call(BENCHMARKS, n));
if (unknown.length > 0) {
  process.stderr.write(`bench: unknown benchmark ${unknown.map((n) => `"${n}"`).join(', ')}; available: ${known.join(', ')}\n`);
  process.exit(2);
}

const log = (message: string) => process.stderr.write(`${message}\n`);
for (const name of names.length > 0 ? names : known) {
  const benchmark = BENCHMARKS[name];
  if (!benchmark) continue;
  log(`── ${name}: ${benchmark.description}`);
  await benchmark.run({ args: options, log });
}
