import { spawn } from 'node:child_process';
import { once } from 'node:events';

/** The bench's webhook receiver, started in a process of its own: it answers 200 at once and counts what it got. */
async function startReceiver() {
  const receiver = spawn(process.execPath, ['--import', 'tsx', 'bench/webhook-receiver.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [address] = (await once(receiver.stdout, 'data')) as [Buffer];
  const { port } = JSON.parse(address.toString()) as { port: number };
  return { receiver, port };
}

/** A receiver subscribed to every event of the programme: how an integration listens. */
export async function listening(base: string, adminKey: string) {
  const { receiver, port } = await startReceiver();
  const hook = await fetch(`${base}/v1/webhooks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ url: `http://127.0.0.1:${port}/` }),
  });
  if (hook.status !== 201) throw new Error(`webhook not created: ${hook.status} ${await hook.text()}`);
  const { id } = (await hook.json()) as { id: string };
  return {
    id,
    /** Unsubscribes and stops the receiver. */
    stop: async () => {
      await fetch(`${base}/v1/webhooks/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${adminKey}` } });
      receiver.kill();
    },
  };
}

/**
 * How fast the server's dispatcher sends events to a webhook: a receiver in a process of its own that answers 200
 * at once, subscribed to `receipt.confirmed` but paused while the receipts are confirmed in batches, then enabled:
 * the rate is the events delivered per second from then to the last delivery.
 */
export async function webhookDelivery(base: string, keys: { admin: string; pos: string }, receipts: unknown[]) {
  const { receiver, port } = await startReceiver();
  const count = async () => (await (await fetch(`http://127.0.0.1:${port}/count`)).json()) as { delivered: number; lastAt: number };
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
  const started = Date.now();
  await enabled(true);
  let got = await count();
  while (got.delivered < confirmed && Date.now() - started < 120_000) {
    await new Promise((r) => setTimeout(r, 20));
    got = await count();
  }
  receiver.kill();
  const seconds = (got.lastAt - started) / 1000;
  return { events: confirmed, delivered: got.delivered, seconds, eventsPerSecond: got.delivered / seconds };
}
