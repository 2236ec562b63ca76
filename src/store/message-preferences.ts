import type { Queryable } from './db.ts';

/** The member's own say beside their consents: topics they want nothing about, and at most how many marketing messages a week. */
export interface MessagePreferences {
  mutedTopics: string[];
  weeklyMax: number | null;
}

export const noPreferences: MessagePreferences = { mutedTopics: [], weeklyMax: null };

export async function findPreferences(db: Queryable, programId: string, memberId: string): Promise<MessagePreferences> {
  const [row] = await db.query<{ muted_topics: string[]; weekly_max: number | null }>(
    'select muted_topics, weekly_max from message_preferences where program_id = $1 and member_id = $2',
    [programId, memberId],
  );
  return row ? { mutedTopics: row.muted_topics, weeklyMax: row.weekly_max } : noPreferences;
}

/** The preferences of each of the members named (those who set none have none here). */
export async function preferencesOf(db: Queryable, programId: string, memberIds: string[]): Promise<Map<string, MessagePreferences>> {
  const rows = await db.query<{ member_id: string; muted_topics: string[]; weekly_max: number | null }>(
    'select member_id, muted_topics, weekly_max from message_preferences where program_id = $1 and member_id = any($2::text[])',
    [programId, memberIds],
  );
  return new Map(rows.map((r) => [r.member_id, { mutedTopics: r.muted_topics, weeklyMax: r.weekly_max }]));
}

export async function savePreferences(db: Queryable, programId: string, memberId: string, p: MessagePreferences, at: Date): Promise<void> {
  await db.query(
    `insert into message_preferences (program_id, member_id, muted_topics, weekly_max, updated_at) values ($1, $2, $3, $4, $5)
     on conflict (program_id, member_id) do update set muted_topics = excluded.muted_topics, weekly_max = excluded.weekly_max, updated_at = excluded.updated_at`,
    [programId, memberId, p.mutedTopics, p.weeklyMax, at],
  );
}

/**
 * Takes one of `cap` slots of a scope's period (a channel's day, a member's week) for a message about to go, in
 * one statement: two senders together never take more than the cap. False when none is left.
 */
export async function takeSlot(db: Queryable, programId: string, scope: string, period: string, cap: number): Promise<boolean> {
  if (cap <= 0) return false;
  const rows = await db.query(
    `insert into message_counts (program_id, scope, period, sent) values ($1, $2, $3, 1)
     on conflict (program_id, scope, period) do update set sent = message_counts.sent + 1 where message_counts.sent < $4
     returning 1`,
    [programId, scope, period, cap],
  );
  return rows.length === 1;
}

/** Forgets a scope's periods before `period` (the seconds of a channel's pace gone by). */
export async function forgetSlots(db: Queryable, programId: string, scope: string, period: string): Promise<void> {
  await db.query('delete from message_counts where program_id = $1 and scope = $2 and period < $3', [programId, scope, period]);
}

/** Gives a slot back: the message it was taken for did not go. */
export async function giveSlotBack(db: Queryable, programId: string, scope: string, period: string): Promise<void> {
  await db.query('update message_counts set sent = sent - 1 where program_id = $1 and scope = $2 and period = $3 and sent > 0', [programId, scope, period]);
}
