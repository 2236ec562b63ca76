import { parse } from 'csv-parse/sync';
import { normalisePhone } from '../domain/contacts.ts';
import { builtInEventTypes } from '../domain/rules/campaign.ts';
import { checkSegmentRule, closesLoop, referredSegments, segmentRule, segmentSchema, type SegmentNames, type SegmentRule } from '../domain/segments.ts';
import { broadcastsTo } from '../store/broadcasts.ts';
import { triggersFor } from '../store/messages.ts';
import { asReport, type Queryable } from '../store/db.ts';
import { newEvent, recordEvents } from '../store/events.ts';
import { newId } from '../store/ids.ts';
import { loadSettings } from '../store/programs.ts';
import { knownNames, latestRules, recordAudit } from '../store/rules.ts';
import {
  countMatching,
  deleteSegmentRows,
  getSegment,
  listSegments,
  refreshMembership,
  replaceMembers,
  resolveMembers,
  saveSegment,
  type Movement,
  type Segment,
} from '../store/segments.ts';
import type { Deps } from './deps.ts';
import { fail, ok, type Outcome } from './outcome.ts';
import { inTransaction, requestHash } from './transaction.ts';

/** Serialises changes to a programme's segments and what names them (campaigns, broadcasts). */
export const lockSegments = (tx: Queryable, programId: string) => tx.query("select pg_advisory_xact_lock(hashtext('segments'), hashtext($1))", [programId]);

/** Codes the API's paths under /v1/segments take. */
const reservedCodes = new Set(['fields', 'preview']);

/** Events of a membership change go out in groups this size: a segment of a million stays within memory. */
const EVENT_GROUP = 5000;

/** Everything a rule may name in this programme; `self` counts as a segment, so a rule naming it is a loop, not a typo. */
async function namesOf(db: Queryable, programId: string, self: string): Promise<SegmentNames> {
  const [names, { settings }, rules] = [await knownNames(db, programId), await loadSettings(db, programId), await latestRules(db, programId)];
  const ruleSet = rules.rules.ruleSet;
  return {
    categories: names.categories,
    tiers: new Set(settings.tiers.map((t) => t.code)),
    campaigns: new Set(ruleSet.campaigns.map((c) => c.code)),
    eventTypes: new Set([...builtInEventTypes, ...ruleSet.eventTypes.map((e) => e.code)]),
    segments: new Set([...names.segments, self]),
  };
}

const invalid = (errors: { path: string; message: string }[]) =>
  fail('validation_failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });

/** Checks a rule against the programme: the issues, or none. */
async function checkRule(db: Queryable, programId: string, code: string, rule: SegmentRule) {
  const issues = checkSegmentRule(rule, await namesOf(db, programId, code)).map((i) => ({ path: i.path.join('.'), message: i.message }));
  if (issues.length) return invalid(issues);
  const stored = new Map((await listSegments(db, programId)).map((s) => [s.code, s.rule ? referredSegments(s.rule) : []]));
  const loop = closesLoop(code, referredSegments(rule), (c) => stored.get(c) ?? []);
  if (loop) return invalid([{ path: 'rule', message: `the segment refers to itself: ${loop.join(' → ')}` }]);
  return ok(rule);
}

/** How many members a draft rule holds now: the builder's live count; nothing is written. */
export async function previewSegment(deps: Deps, programId: string, code: string, draft: unknown): Promise<Outcome<{ members: number }>> {
  const parsed = segmentRule.safeParse(draft);
  if (!parsed.success) return invalid(parsed.error.issues.map((i) => ({ path: ['rule', ...i.path].join('.'), message: i.message })));
  const checked = await checkRule(deps.db, programId, code, parsed.data);
  if (!checked.ok) return checked;
  const { settings } = await loadSettings(deps.db, programId);
  return ok({ members: await asReport(deps.db, (tx) => countMatching(tx, programId, settings.timezone, deps.now(), parsed.data)) });
}

/** Writes who entered and who left as events, with the change. */
async function announce(tx: Queryable, programId: string, code: string, moved: Movement, at: Date) {
  const all = [
    ...moved.entered.map((memberId) => newEvent('segment.entered', at, { memberId, segment: code })),
    ...moved.departed.map((memberId) => newEvent('segment.left', at, { memberId, segment: code })),
  ];
  for (let i = 0; i < all.length; i += EVENT_GROUP) await recordEvents(tx, programId, all.slice(i, i + EVENT_GROUP));
}

/**
 * Creates or changes a segment and brings its membership up to date in the same transaction: a dynamic one by
 * its rule, a static one keeps its list (upload one with `importSegmentMembers`). A change raises the version.
 */
export async function putSegment(deps: Deps, programId: string, code: string, input: unknown, actor: string): Promise<Outcome<Segment>> {
  const parsed = segmentSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  const s = parsed.data;
  if (reservedCodes.has(code)) return invalid([{ path: 'code', message: `"${code}" names a path of the API: choose another code` }]);
  if (s.kind === 'dynamic' && !s.rule) return invalid([{ path: 'rule', message: 'a dynamic segment needs a rule' }]);
  if (s.kind === 'static' && s.rule) return invalid([{ path: 'rule', message: 'a static segment is a list: upload it, give no rule' }]);
  return inTransaction(deps.db, async (tx) => {
    // One change of a programme's segments at a time, so a loop check sees the others as they are; a lock of its
    // own, which receipts and members written meanwhile never wait for however long the evaluation takes.
    await lockSegments(tx, programId);
    if (s.rule) {
      const checked = await checkRule(tx, programId, code, s.rule);
      if (!checked.ok) return checked;
    }
    const before = await getSegment(tx, programId, code, true);
    const now = deps.now();
    const next = { code, name: s.name, description: s.description, kind: s.kind, rule: s.rule ?? null };
    const same = before && requestHash([before.name, before.description, before.kind, before.rule]) === requestHash([next.name, next.description, next.kind, next.rule]);
    if (before && same) return ok(before);
    await saveSegment(tx, programId, { ...next, version: (before?.version ?? 0) + 1 }, now);
    if (next.rule) {
      const { settings } = await loadSettings(tx, programId);
      await announce(tx, programId, code, await refreshMembership(tx, programId, code, next.rule, settings.timezone, now), now);
    }
    await recordAudit(tx, programId, { id: newId('aud'), actor, action: before ? 'change' : 'create', entity: 'segment', entityId: code, before: before && { ...before, size: undefined }, after: next, at: now });
    return ok((await getSegment(tx, programId, code)) as Segment);
  });
}

/** Deletes a segment no campaign and no other segment refers to; one that is used is refused, naming the user. */
export async function deleteSegment(deps: Deps, programId: string, code: string, actor: string): Promise<Outcome<null>> {
  return inTransaction(deps.db, async (tx) => {
    await lockSegments(tx, programId);
    // And no rule set published meanwhile names it as an audience (publishing takes this row for update).
    await tx.query('select id from programs where id = $1 for no key update', [programId]);
    const segment = await getSegment(tx, programId, code, true);
    if (!segment) return fail('not_found', `no segment ${code}`);
    const campaigns = (await latestRules(tx, programId)).rules.ruleSet.campaigns.filter((c) => c.audience.kind === 'segment' && c.audience.code === code);
    if (campaigns.length)
      return fail('conflict', `the segment is the audience of campaign ${campaigns.map((c) => `"${c.code}"`).join(', ')}: change the campaign first`, { campaigns: campaigns.map((c) => c.code) });
    const users = (await listSegments(tx, programId)).filter((s) => s.code !== code && s.rule && referredSegments(s.rule).includes(code));
    if (users.length)
      return fail('conflict', `segment ${users.map((s) => `"${s.code}"`).join(', ')} refers to it: change that first`, { segments: users.map((s) => s.code) });
    const broadcasts = await broadcastsTo(tx, programId, code);
    if (broadcasts.length)
      return fail('conflict', `broadcast ${broadcasts.map((b) => `"${b}"`).join(', ')} is to go to it: cancel it first`, { broadcasts });
    const triggers = await triggersFor(tx, programId, code);
    if (triggers.length) return fail('conflict', `trigger ${triggers.map((t) => `"${t}"`).join(', ')} answers only its members: change that first`, { triggers });
    await deleteSegmentRows(tx, programId, code);
    await recordAudit(tx, programId, { id: newId('aud'), actor, action: 'delete', entity: 'segment', entityId: code, before: { ...segment, size: undefined }, after: null, at: deps.now() });
    return ok(null);
  });
}

/**
 * Re-evaluates a programme's dynamic segments, those others refer to first, each in its own transaction; with
 * `members`, only for those members (after events that concern them). Returns each segment's movement.
 */
export async function refreshSegments(deps: Deps, programId: string, options: { code?: string; members?: string[] } = {}) {
  const all = (await listSegments(deps.db, programId)).filter((s) => s.kind === 'dynamic' && s.rule && (!options.code || s.code === options.code));
  const { settings } = await loadSettings(deps.db, programId);
  const done: { code: string; size: number; entered: number; departed: number }[] = [];
  for (const segment of dependencyOrder(all)) {
    const moved = await inTransaction(deps.db, async (tx) => {
      const now = deps.now();
      const current = await getSegment(tx, programId, segment.code, true);
      if (!current?.rule || current.kind !== 'dynamic') return ok(null);
      const m = await refreshMembership(tx, programId, segment.code, current.rule, settings.timezone, now, options.members ?? null);
      await announce(tx, programId, segment.code, m, now);
      return ok(m);
    });
    if (moved.ok && moved.value) done.push({ code: segment.code, size: moved.value.size, entered: moved.value.entered.length, departed: moved.value.departed.length });
  }
  return done;
}

/** Segments in an order where each comes after those its rule names. */
function dependencyOrder(segments: Segment[]): Segment[] {
  const byCode = new Map(segments.map((s) => [s.code, s]));
  const ordered: Segment[] = [];
  const placed = new Set<string>();
  const place = (s: Segment) => {
    if (placed.has(s.code)) return;
    placed.add(s.code);
    for (const c of s.rule ? referredSegments(s.rule) : []) {
      const dep = byCode.get(c);
      if (dep) place(dep);
    }
    ordered.push(s);
  };
  segments.forEach(place);
  return ordered;
}

export interface ImportReport {
  rows: number;
  matched: number;
  members: number;
  unmatched: { row: number; value: string; reason: string }[];
}

/** At most this many rows in one upload. */
export const MAX_IMPORT_ROWS = 1_000_000;

/**
 * Makes a static segment's members the ones a CSV names, one identifier a row (first column: a member id,
 * phone, card number or external id; a header row is recognised by its not matching). Rows that match no one are
 * reported, the rest imported.
 */
export async function importSegmentMembers(deps: Deps, programId: string, code: string, csv: string, actor: string): Promise<Outcome<ImportReport>> {
  let records: string[][];
  try {
    records = parse(csv, { relax_column_count: true, skip_empty_lines: true, bom: true, trim: true });
  } catch (e) {
    return fail('validation_failed', `the file is not CSV: ${(e as Error).message}`);
  }
  if (records.length > MAX_IMPORT_ROWS) return fail('validation_failed', `at most ${MAX_IMPORT_ROWS.toLocaleString('en')} rows in one upload`);
  return inTransaction(deps.db, async (tx) => {
    const segment = await getSegment(tx, programId, code, true);
    if (!segment) return fail('not_found', `no segment ${code}`);
    if (segment.kind !== 'static') return fail('conflict', `segment ${code} is dynamic: its rule decides its members`);
    const values = records.map((r) => (r[0] ?? '').trim());
    // A phone is looked up as the programme stores it; anything else as written.
    const keys = values.map((v) => (/^[+\d][\d\s()-]{6,}$/.test(v) && !/^\d{13,}$/.test(v) ? (normalisePhone(v) ?? v) : v));
    const found = await resolveMembers(tx, programId, [...new Set(keys.filter(Boolean))]);
    // A first row without a digit that matches no one is a header ("phone", «телефон»).
    const header = !found.has(keys[0] ?? '') && /^\D+$/.test(values[0] ?? '') ? 1 : 0;
    const unmatched: ImportReport['unmatched'] = [];
    const ids = new Set<string>();
    keys.forEach((key, i) => {
      const id = found.get(key);
      if (id) ids.add(id);
      else if (i >= header) unmatched.push({ row: i + 1, value: values[i] ?? '', reason: key ? 'no member matches' : 'empty' });
    });
    const now = deps.now();
    const moved = await replaceMembers(tx, programId, code, [...ids], now);
    await announce(tx, programId, code, moved, now);
    await recordAudit(tx, programId, { id: newId('aud'), actor, action: 'import', entity: 'segment', entityId: code, before: null, after: { rows: records.length, members: ids.size }, at: now });
    return ok({ rows: records.length - header, matched: records.length - header - unmatched.length, members: moved.size, unmatched: unmatched.slice(0, 1000) });
  });
}
