/**
 * The physical limit of the data model: pgbench replaying, in three round trips per transaction as Kopilka makes
 * them, the reads and writes of one typical demo receipt of a member with points — member lock with card,
 * settings, store and rules version; open lots, an earlier answer, the tier window and the products sold; then the
 * receipt with its stored answer, its lines, journal entry with its postings, the lot it spends from and the lot it
 * creates, the member's balance and aggregates, the month's qualifying value and the outbox event. No application in
 * between: what HTTP confirm is compared with.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const LINES = 10;

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * Prepares the script for the programme: `tps` runs it for `seconds` with 16 clients as fast as they go; `p99At`
 * runs it at a fixed rate (transactions a second, scheduled as they would arrive, not as the last one ended) and
 * returns the 99th percentile of their latency in milliseconds, waiting for the schedule included.
 */
export async function sameWrites(pgbench: string, url: string, programId: string, memberCards: string[]) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  await db.query('drop table if exists bench_cards');
  await db.query('create table bench_cards (n int primary key, number text not null)');
  await db.query('insert into bench_cards select n::int, number from unnest($1::text[]) with ordinality as c(number, n)', [memberCards]);
  // The kept answer and lines of a receipt of this many lines.
  const [answer] = await db.query<{ answer: string; lines: string }>(
    `select answer, lines::text from receipts where answer is not null and program_id = $1 and member_id is not null and points_spent > 0
     order by abs(json_array_length(lines) - ${LINES}) limit 1`,
    [programId],
  ).then((r) => r.rows);
  await db.end();
  const p = literal(programId);
  const script = `\\set m random(1, ${memberCards.length})
\\set n random(1, 1000000000000)
BEGIN;
select m.id, m.points_available, m.points_pending, m.tier_code, c.status, s.settings,
  (select json_build_object('channel', channel, 'partner', partner_code) from stores where program_id = ${p} and code = 'MSK-TVER') as store,
  (select coalesce(max(version), 0) from rule_sets where program_id = ${p}) as rules_version
from members m
left join cards c on c.program_id = m.program_id and c.number = (select number from bench_cards where n = :m)
cross join lateral (select settings from program_settings where program_id = ${p} order by version desc limit 1) s
where m.program_id = ${p} and m.id = (select member_id from cards where program_id = ${p} and number = (select number from bench_cards where n = :m))
for update of m;
select
  (select coalesce(json_agg(json_build_object('id', id, 'remaining', remaining, 'expiresAt', expires_at)), '[]') from lots
   where program_id = ${p} and member_id = (select member_id from cards where program_id = ${p} and number = (select number from bench_cards where n = :m)) and remaining > 0) as lots,
  (select answer from receipts where program_id = ${p} and store_code = 'MSK-TVER' and number = 'sw-' || :client_id || '-' || :n) as seen,
  (select coalesce(sum(amount_spent), 0) from member_months where program_id = ${p}
   and member_id = (select member_id from cards where program_id = ${p} and number = (select number from bench_cards where n = :m))
   and month >= date_trunc('month', now() - interval '365 days')::date) as qualifying,
  (select json_object_agg(sku, json_build_object('name', name, 'category', category, 'brand', brand)) from products
   where program_id = ${p} and sku in (select l->>0 from json_array_elements(${literal(answer?.lines ?? '[]')}::json) l)) as products;
with who as (select member_id as id from cards where program_id = ${p} and number = (select number from bench_cards where n = :m)),
  spent_lot as (select l.id from lots l, who where l.program_id = ${p} and l.member_id = who.id and l.remaining >= 20 and l.state = 'active'
    order by l.expires_at nulls last, l.created_at limit 1),
  receipt as (
    insert into receipts (program_id, id, store_code, number, member_id, card_number, status, settings_version, tier_code, currency, total,
      points_spent, points_discount, points_earned, purchased_at, created_at, request_hash, answer, rules_version, campaign_discount, created_by, lines)
    select ${p}, 'rcp_sw' || :client_id || '_' || :n, 'MSK-TVER', 'sw-' || :client_id || '-' || :n, who.id,
      (select number from bench_cards where n = :m), 'confirmed', 1, 'base', 'RUB', 150000, 20, 2000, 74, now(), now(),
      decode(md5(:n::text), 'hex'), ${literal(answer?.answer ?? '{}')}, 1, 0, 'bench', ${literal(answer?.lines ?? '[]')} from who
    on conflict (program_id, store_code, number) do nothing returning id, member_id),
  entry as (
    insert into journal_entries (program_id, id, member_id, kind, receipt_id, created_at, partner_code, postings)
    select ${p}, 'ent_sw' || :client_id || '_' || :n, receipt.member_id, 'receipt', receipt.id, now(), null,
      json_build_array(json_build_array(0, (select id from spent_lot), -20), json_build_array(3, null, 20),
        json_build_array(2, null, -74), json_build_array(0, 'lot_sw' || :client_id || '_' || :n, 74))
    from receipt),
  spent as (
    update lots set remaining = remaining - 20 where program_id = ${p} and member_id = (select id from who) and id = (select id from spent_lot)),
  new_lot as (
    insert into lots (program_id, member_id, id, entry_id, amount, remaining, state, activates_at, expires_at, created_at)
    select ${p}, receipt.member_id, 'lot_sw' || :client_id || '_' || :n, 'ent_sw' || :client_id || '_' || :n, 74, 74, 'active', now(),
      now() + interval '365 days', now() from receipt),
  member as (
    update members set points_available = points_available + 54, updated_at = now(), purchases = purchases + 1, paid_total = paid_total + 148000,
      points_earned = points_earned + 74, points_spent = points_spent + 20, last_purchase_at = now()
    where program_id = ${p} and id = (select id from who)),
  month as (
    insert into member_months (program_id, member_id, month, amount_spent, points_earned)
    select ${p}, receipt.member_id, date_trunc('month', now())::date, 148000, 74 from receipt
    on conflict (program_id, member_id, month) do update set amount_spent = member_months.amount_spent + excluded.amount_spent,
      points_earned = member_months.points_earned + excluded.points_earned),
  event as (
    insert into events (program_id, id, type, version, member_id, occurred_at, payload)
    select ${p}, 'evt_sw' || :client_id || '_' || :n, 'receipt.confirmed', 1, receipt.member_id, now(),
      json_build_object('receiptId', receipt.id, 'storeCode', 'MSK-TVER', 'total', 150000, 'pointsEarned', 74, 'pointsSpent', 20) from receipt)
select count(*) from receipt;
COMMIT;
`;
  const dir = mkdtempSync(join(tmpdir(), 'kopilka-same-writes-'));
  const file = join(dir, 'receipt.sql');
  writeFileSync(file, script);
  const target = new URL(url);
  const run = (options: string[]) =>
    execFileSync(
      pgbench,
      ['-h', target.hostname, '-p', target.port || '5432', '-U', target.username || 'postgres', '-n', '-f', file, '-c', '16', '-j', '2', ...options, target.pathname.slice(1)],
      { encoding: 'utf8', cwd: dir },
    );
  return {
    tps: (seconds: number) => {
      const tps = /tps = ([\d.]+)/.exec(run(['-T', String(seconds)]));
      if (!tps) throw new Error('pgbench printed no tps');
      return Number(tps[1]);
    },
    p99At: (rate: number, seconds: number) => {
      // A log of its own for each run: a line per transaction (client, number, latency in µs, ...).
      const prefix = `rated-${readdirSync(dir).length}`;
      run(['-T', String(seconds), '-R', String(Math.max(1, Math.round(rate))), '-l', '--log-prefix', prefix]);
      const latencies = readdirSync(dir)
        .filter((f) => f.startsWith(`${prefix}.`))
        .flatMap((f) => readFileSync(join(dir, f), 'utf8').trim().split('\n'))
        .map((line) => Number(line.split(' ')[2]) / 1000)
        .sort((a, b) => a - b);
      return latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] ?? 0;
    },
  };
}
