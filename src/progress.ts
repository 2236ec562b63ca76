import cliProgress from 'cli-progress';

/**
 * A terminal progress bar with count, rate and ETA. With no total at the start, `update` may bring an
 * estimate; without any, it shows the count and the rate.
 */
export function progressBar(unit: string, total: number | null) {
  const format = `{bar} {value}/{total} ${unit} | {rate}/s | ETA {eta_formatted}`;
  const bar = new cliProgress.SingleBar(
    { format, hideCursor: true, etaBuffer: 20, noTTYOutput: !process.stdout.isTTY, notTTYSchedule: 5000 },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  bar.start(total ?? 0, 0, { rate: 0 });
  return {
    update(done: number, estimatedTotal?: number) {
      if (estimatedTotal) bar.setTotal(estimatedTotal);
      const seconds = (Date.now() - started) / 1000;
      bar.update(done, { rate: seconds > 0 ? Math.round(done / seconds) : 0 });
    },
    stop: () => bar.stop(),
  };
}
