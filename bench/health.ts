/** How long `/health` takes while some heavy work runs: asked every 20 ms from start to end of the work. */
export async function healthWhile(base: string, work: () => Promise<unknown>): Promise<{ samples: number; p99: number; max: number }> {
  const latencies: number[] = [];
  let done = false;
  const probe = (async () => {
    while (!done) {
      const started = performance.now();
      await fetch(`${base}/health`).then((r) => r.arrayBuffer());
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  await work();
  done = true;
  await probe;
  latencies.sort((a, b) => a - b);
  return { samples: latencies.length, p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0, max: latencies[latencies.length - 1] ?? 0 };
}
