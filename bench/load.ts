/** A small closed- and open-loop HTTP load generator for loopback benchmarks, with latency percentiles. */
import http from 'node:http';

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** The first few error answers, to say what went wrong. */
  samples: string[];
}

export type MakeRequest = (n: number) => { path: string; body: unknown };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

// A keep-alive agent over node:http: a light client, so the load generator takes little of the CPU it measures.
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function send(base: string, key: string, request: { path: string; body: unknown }): Promise<{ ok: boolean; text: string }> {
  const url = new URL(base + request.path);
  const payload = JSON.stringify(request.body);
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent,
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          resolve({ ok: status < 300, text: status < 300 ? '' : `${status} ${Buffer.concat(chunks).toString().slice(0, 200)}` });
        });
      },
    );
    req.on('error', (error) => resolve({ ok: false, text: String(error) }));
    req.end(payload);
  });
}

function summarise(latencies: number[], errors: number, seconds: number, samples: string[]): LoadResult {
  const sorted = latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    seconds,
    perSecond: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    samples,
  };
}

/** `clients` loops, each sending its next request as soon as the previous one is answered, for `seconds`. */
export async function closedLoop(base: string, key: string, clients: number, seconds: number, make: MakeRequest): Promise<LoadResult> {
  const latencies: number[] = [];
  const samples: string[] = [];
  let errors = 0;
  let n = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const t = performance.now();
        const answer = await send(base, key, make(n++));
        latencies.push(performance.now() - t);
        if (!answer.ok && ++errors <= 3) samples.push(answer.text);
      }
    }),
  );
  return summarise(latencies, errors, (performance.now() - started) / 1000, samples);
}

/** Requests started at a fixed `rate` per second, whatever the answers do (latency includes queueing). */
export async function openLoop(base: string, key: string, rate: number, seconds: number, make: MakeRequest): Promise<LoadResult> {
  return (await openLoops(base, key, rate, seconds, [make]))[0] as LoadResult;
}

/**
 * The same, the requests taking turns between the makers (request n from maker n mod k), with a result for each:
 * the groups compared meet the same moments of a noisy machine, not one phase after the other.
 */
export async function openLoops(base: string, key: string, rate: number, seconds: number, makes: MakeRequest[]): Promise<LoadResult[]> {
  const groups = makes.map(() => ({ latencies: [] as number[], samples: [] as string[], errors: 0 }));
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  const total = Math.floor(rate * seconds);
  for (let n = 0; n < total; n++) {
    const due = started + (n * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const group = groups[n % makes.length] as (typeof groups)[number];
    const request = (makes[n % makes.length] as MakeRequest)(Math.floor(n / makes.length));
    inFlight.push(
      (async () => {
        const t = performance.now();
        const answer = await send(base, key, request);
        group.latencies.push(performance.now() - t);
        if (!answer.ok && ++group.errors <= 3) group.samples.push(answer.text);
      })(),
    );
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  return groups.map((g) => summarise(g.latencies, g.errors, elapsed, g.samples));
}
