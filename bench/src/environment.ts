import { availableParallelism, cpus, loadavg } from 'node:os';

/** How long each measurement runs: `BENCH_SCALE=0.2` gives a quick (and noisier) run while editing. */
export const SCALE = (() => {
  const raw = process.env.BENCH_SCALE;
  const value = raw === undefined ? 1 : Number(raw);
  if (!(value > 0 && value <= 10)) throw new RangeError('BENCH_SCALE must be a number in (0, 10]');
  return value;
})();

/** Milliseconds scaled by `BENCH_SCALE`. */
export const scaled = (ms: number): number => Math.max(50, Math.round(ms * SCALE));

/** The load average as `1.23 / 4.56 / 7.89`. */
export function loadAverage(): string {
  return loadavg()
    .map((load) => load.toFixed(2))
    .join(' / ');
}

/**
 * One line that says where the numbers came from. Printed first: on a shared, loaded machine only
 * the ratios within one run mean anything, and the load average says how loaded it was.
 */
export function environmentLine(): string {
  const model = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return [
    `Node ${process.version} (${process.platform}/${process.arch})`,
    `${availableParallelism()} CPUs (${model})`,
    `load average ${loadAverage()} (1/5/15 min)`,
    new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    SCALE === 1 ? 'full durations' : `BENCH_SCALE=${SCALE}`,
  ].join(' · ');
}
