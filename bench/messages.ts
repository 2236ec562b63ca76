/**
 * Messages at scale, on a demo already loaded into PostgreSQL (`kopilka demo --members 1000000` on BENCH_SCALE_DB):
 * a broadcast to every member planned (eligibility, variants, control group) in its one transaction, then its
 * first messages sent to a local SMTP server in a process of its own, as the server's sender sends them; then a
 * broadcast by SMS, its first messages submitted to a local SMSC over SMPP. The broadcasts, their segment,
 * templates and messages are removed afterwards.
 *
 *   BENCH_SCALE_DB=postgres://postgres@127.0.0.1:5432/kopilka_scale npm run bench:messages
 */
import { spawn } from 'node:child_process';
import { DateTime } from 'luxon';
import { createInterface } from 'node:readline';
import { systemPrincipal } from '../src/domain/access.ts';
import { planDueBroadcasts, setBroadcast } from '../src/flows/broadcasts.ts';
import type { Deps } from '../src/flows/deps.ts';
import { setEmailChannel, setSmsChannel, setTemplate } from '../src/flows/messaging.ts';
import { sendDueMessages } from '../src/flows/sending.ts';
import { closeLinks, newLinks } from '../src/flows/links.ts';
import { openDb } from '../src/store/db.ts';
import { migrate } from '../src/store/migrate.ts';
import { loadSettings } from '../src/store/programs.ts';

const url = process.env.BENCH_SCALE_DB ?? 'postgres://postgres@127.0.0.1:5432/kopilka_scale';
const SEND = Number(process.env.BENCH_SEND ?? 5_000);
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

const db = await openDb({ databaseUrl: url });
await migrate(db);
const by = systemPrincipal('bench');
const [programme] = await db.query<{ id: string }>(`select p.id from programs p order by (select count(*) from members m where m.program_id = p.id) desc limit 1`);
if (!programme) throw new Error(`no programme in ${url}: load one with kopilka demo first`);
const programId = programme.id;
// The programme's clock at noon of its next day, running on from there: outside quiet hours whenever the bench runs.
const { settings } = await loadSettings(db, programId);
const noon = DateTime.now().setZone(settings.timezone).plus({ days: 1 }).set({ hour: 12, minute: 0, second: 0, millisecond: 0 }).toMillis();
const startedAt = Date.now();
const deps: Deps = { db, now: () => new Date(noon + Date.now() - startedAt) };

const peer = spawn(process.execPath, ['--import', 'tsx', 'bench/peers.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
const ports = JSON.parse((await createInterface({ input: peer.stdout })[Symbol.asyncIterator]().next()).value as string) as { smtp: number; smsc: number; http: number };
const counts = async () => (await (await fetch(`http://127.0.0.1:${ports.http}/`)).json()) as { received: number; submitted: number };
const received = async () => (await counts()).received;
const submitted = async () => (await counts()).submitted;

const code = `bench-${Date.now().toString(36)}`;
const cleanUp = async () => {
  await db.query(`delete from sms_parts where program_id = $1 and message_id in (select id from messages where program_id = $1 and origin = $2)`, [programId, `broadcast:${code}-sms`]);
  await db.query(`delete from messages where program_id = $1 and origin = any($2)`, [programId, [`broadcast:${code}`, `broadcast:${code}-sms`]]);
  await db.query(`delete from message_broadcasts where program_id = $1 and code = any($2)`, [programId, [code, `${code}-sms`]]);
  await db.query(`delete from segment_members where program_id = $1 and segment = $2`, [programId, code]);
  await db.query(`delete from segments where program_id = $1 and code = $2`, [programId, code]);
  await db.query(`delete from message_templates where program_id = $1 and code like $2`, [programId, `${code}-%`]);
  if (!hadChannel) await db.query(`delete from message_channels where program_id = $1`, [programId]);
};
const hadChannel = (await db.query('select 1 from message_channels where program_id = $1', [programId])).length > 0;
try {
  // Every member in a segment of their own, as a refresh of a rule matching all would leave it (not timed here).
  await db.query(
    `insert into segments (program_id, code, name, kind, version, size, created_at, updated_at) values ($1, $2, 'Bench: everyone', 'static', 1, 0, now(), now())`,
    [programId, code],
  );
  const [{ n: members } = { n: 0 }] = await db.query<{ n: number }>(
    `with s as (insert into segment_members (program_id, segment, member_id, since) select $1, $2, id, now() from members where program_id = $1 returning 1) select count(*)::int as n from s`,
    [programId, code],
  );
  await db.query(`update segments set size = $3 where program_id = $1 and code = $2`, [programId, code, members]);
  await db.query('analyze segment_members');
  const channel = await setEmailChannel(deps, programId, { host: '127.0.0.1', port: ports.smtp, secure: false, from: 'Копилка <bonus@kopilka.demo>' }, by);
  if (!channel.ok) throw new Error(channel.message);
  for (const v of ['a', 'b']) {
    const made = await setTemplate(deps, programId, `${code}-${v}`, { channel: 'email', event: 'broadcast', subject: { ru: `{{name}}, весна (${v})` }, text: { ru: 'На счёте {{balance}} {{balance|plural:балл,балла,баллов}}. {{unsubscribeUrl}}' }, html: { ru: '<p>Весна: <a href="https://shop.example.ru/spring">скидки</a></p>' } }, by);
    if (!made.ok) throw new Error(made.message);
  }
  const set = await setBroadcast(deps, programId, code, { name: 'Bench', segment: code, topic: 'offers', variants: [`${code}-a`, `${code}-b`], controlPercent: 10 }, by);
  if (!set.ok) throw new Error(set.message);

  const t0 = performance.now();
  await planDueBroadcasts(deps, programId);
  const planMs = performance.now() - t0;
  const [groups] = await db.query<{ queued: number; control: number }>(
    `select count(*) filter (where status = 'queued')::int as queued, count(*) filter (where status = 'control')::int as control from messages where program_id = $1 and origin = $2`,
    [programId, `broadcast:${code}`],
  );
  log(`broadcast planned to ${members.toLocaleString('en')} members in ${(planMs / 1000).toFixed(1)} s (target < 60 s): ${groups?.queued.toLocaleString('en')} queued, ${groups?.control.toLocaleString('en')} held back, the rest may not get marketing e-mail`);

  // The sender as the server runs it, on every programme's queue (this demo's is the only one), until SEND messages went out.
  const transports = newLinks();
  const before = await received();
  const t1 = performance.now();
  while ((await received()) - before < SEND) if ((await sendDueMessages(deps, transports)) === 0) break;
  const sendMs = performance.now() - t1;
  const sent = (await received()) - before;
  log(`SMTP: ${sent.toLocaleString('en')} messages to the local peer in ${(sendMs / 1000).toFixed(1)} s: ${((sent * 1000) / sendMs).toFixed(0)} messages/s (target ≥ 300/s)`);

  // The same by SMS: the e-mails left queued are called off, a broadcast by SMS planned and its first SEND sent.
  await db.query(`update messages set status = 'skipped', reason = 'bench' where program_id = $1 and origin = $2 and status = 'queued'`, [programId, `broadcast:${code}`]);
  const sms = await setSmsChannel(deps, programId, { host: '127.0.0.1', port: ports.smsc, tls: false, systemId: 'bench', password: 'bench', sourceAddr: 'Kopilka' }, by);
  if (!sms.ok) throw new Error(sms.message);
  const smsTemplate = await setTemplate(deps, programId, `${code}-sms`, { channel: 'sms', event: 'broadcast', subject: { ru: 'Весна' }, text: { ru: '{{name}}, весной скидки до 30%' } }, by);
  if (!smsTemplate.ok) throw new Error(smsTemplate.message);
  const smsSet = await setBroadcast(deps, programId, `${code}-sms`, { name: 'Bench SMS', segment: code, topic: 'offers', variants: [`${code}-sms`], controlPercent: 10 }, by);
  if (!smsSet.ok) throw new Error(smsSet.message);
  const t2 = performance.now();
  await planDueBroadcasts(deps, programId);
  log(`SMS broadcast planned in ${((performance.now() - t2) / 1000).toFixed(1)} s`);
  const submittedBefore = await submitted();
  const t3 = performance.now();
  while ((await submitted()) - submittedBefore < SEND) if ((await sendDueMessages(deps, transports)) === 0) break;
  const smsMs = performance.now() - t3;
  const submits = (await submitted()) - submittedBefore;
  log(`SMPP: ${submits.toLocaleString('en')} submits to the local SMSC in ${(smsMs / 1000).toFixed(1)} s: ${((submits * 1000) / smsMs).toFixed(0)} submits/s (target ≥ 500/s)`);
  await closeLinks(transports);
} finally {
  await cleanUp();
  peer.kill();
  await db.close();
}
