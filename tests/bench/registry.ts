/**
 * Every benchmark `npm run bench` knows. Add one line per benchmark; each module exports a
 * `Benchmark`, reports a ratio against a baseline measured in the same run and writes
 * tests/bench/results/<name>.json.
 */
import type { Benchmark } from './lib/benchmark';
import { lookup } from './lookup';
import { queue } from './queue';
import { screenpop } from './screenpop';
import { search } from './search';
import { sync } from './sync';

export const BENCHMARKS: Readonly<Record<string, Benchmark>> = {
  lookup,
  queue,
  screenpop,
  search,
  sync,
};
