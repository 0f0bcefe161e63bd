export interface BenchContext {
  /** Arguments after the benchmark names, e.g. `--scales=10000`. */
  args: readonly string[];
  /** Progress for the person watching (stderr); stdout is kept for result lines. */
  log: (message: string) => void;
}

export interface Benchmark {
  description: string;
  run(context: BenchContext): Promise<void>;
}

/** `--name=value` from the benchmark arguments, or undefined. */
export function option(args: readonly string[], name: string): string | undefined {
  const prefix = `--${name}=`;
  return args.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}
