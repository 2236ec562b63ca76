import cliProgress from 'cli-progress';

/** A terminal progress bar with count, rate and ETA (count and rate only when the total is unknown). */
export function progressBar(unit: string, total: number | null) {
  const format = total
    ? `{bar} {value}/{total} ${unit} | {rate}/s | ETA {eta_formatted}`
    : `{value} ${unit} | {rate}/s`;
  const bar = new cliProgress.SingleBar(
    { format, hideCursor: true, etaBuffer: 20, noTTYOutput: !process.stdout.isTTY, notTTYSchedule: 5000 },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  bar.start(total ?? 0, 0, { rate: 0 });
  return {
    update(done: number) {
      const seconds = (Date.now() - started) / 1000;
      bar.update(done, { rate: seconds > 0 ? Math.round(done / seconds) : 0 });
    },
    stop: () => bar.stop(),
  };
}
