import type { Queryable } from './db.ts';

// The browsers members subscribed to web push with (migration 053): each by its push service's endpoint, with the
// keys the payload is encrypted to.

export interface PushSubscription {
  endpoint: string;
  /** The browser's P-256 public key and its auth secret, base64url (RFC 8291). */
  keys: { p256dh: string; auth: string };
  createdAt: Date;
}

/** Keeps a browser's subscription for the member; an endpoint subscribed again (or by another member) takes the new keys and member. */
export async function savePushSubscription(db: Queryable, programId: string, memberId: string, s: PushSubscription): Promise<void> {
  await db.query(
    `insert into push_subscriptions (program_id, endpoint, member_id, p256dh, auth, created_at) values ($1, $2, $3, $4, $5, $6)
     on conflict (program_id, endpoint) do update set member_id = excluded.member_id, p256dh = excluded.p256dh, auth = excluded.auth, created_at = excluded.created_at`,
    [programId, s.endpoint, memberId, s.keys.p256dh, s.keys.auth, s.createdAt],
  );
}

export async function pushSubscriptionsOf(db: Queryable, programId: string, memberId: string): Promise<PushSubscription[]> {
  const rows = await db.query<{ endpoint: string; p256dh: string; auth: string; created_at: Date }>(
    'select endpoint, p256dh, auth, created_at from push_subscriptions where program_id = $1 and member_id = $2 order by created_at, endpoint',
    [programId, memberId],
  );
  return rows.map((r) => ({ endpoint: r.endpoint, keys: { p256dh: r.p256dh, auth: r.auth }, createdAt: new Date(r.created_at) }));
}

/** Forgets subscriptions: the member's own, or those their push service reported gone. True when any was there. */
export async function forgetPushSubscriptions(db: Queryable, programId: string, memberId: string, endpoints: string[] | null = null): Promise<boolean> {
  const rows = await db.query('delete from push_subscriptions where program_id = $1 and member_id = $2 and ($3::text[] is null or endpoint = any($3::text[])) returning 1', [programId, memberId, endpoints]);
  return rows.length > 0;
}
