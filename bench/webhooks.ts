import { createServer } from 'node:http';

/**
 * How fast the server's dispatcher sends events to a webhook: a receiver in this process that answers 200 at once,
 * subscribed to `receipt.confirmed` but paused while the receipts are confirmed in batches, then enabled: the rate
 * is the events delivered per second from then to the last delivery.
 */
export async function webhookDelivery(base: string, keys: { admin: string; pos: string }, receipts: unknown[]) {
  let delivered = 0;
  let lastAt = 0;
  const receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      delivered += 1;
      lastAt = performance.now();
      res.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const { port } = receiver.address() as { port: number };
  const call = (path: string, key: string, body: unknown) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const hook = await call('/v1/webhooks', keys.admin, { url: `http://127.0.0.1:${port}/`, eventTypes: ['receipt.confirmed'] });
  if (hook.status !== 201) throw new Error(`webhook not created: ${hook.status} ${await hook.text()}`);
  const { id } = (await hook.json()) as { id: string };
  const enabled = (on: boolean) =>
    fetch(`${base}/v1/webhooks/${id}`, { method: 'PATCH', headers: { authorization: `Bearer ${keys.admin}`, 'content-type': 'application/json' }, body: JSON.stringify({ enabled: on }) });
  await enabled(false);
  let confirmed = 0;
  for (let i = 0; i < receipts.length; i += 1000) {
    const answer = (await (await call('/v1/receipts/batch', keys.pos, { receipts: receipts.slice(i, i + 1000) })).json()) as { confirmed: number };
    confirmed += answer.confirmed;
  }
  const started = performance.now();
  await enabled(true);
  while (delivered < confirmed && performance.now() - started < 120_000) await new Promise((r) => setTimeout(r, 20));
  receiver.close();
  const seconds = (lastAt - started) / 1000;
  return { events: confirmed, delivered, seconds, eventsPerSecond: delivered / seconds };
}
