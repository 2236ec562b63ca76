import { randomInt } from 'node:crypto';
import { expiryTime, lotTimes } from '../domain/expiry.ts';
import { credit, openDraft, type LedgerDraft } from '../domain/ledger.ts';
import { fillPattern } from '../domain/coupons.ts';
import type { ReferralRules } from '../domain/rules/campaign.ts';
import { periodStart } from '../domain/rules/calendar.ts';
import type { ProgramSettings } from '../domain/settings.ts';
import type { Queryable } from '../store/db.ts';
import { newEvent, recordEvents } from '../store/events.ts';
import { newId } from '../store/ids.ts';
import { writeDraft } from '../store/ledger.ts';
import { findMember, type Member } from '../store/members.ts';
import { loadSettings, notLoading } from '../store/programs.ts';
import { latestRules } from '../store/rules.ts';
import type { Deps } from './deps.ts';
import { settleLots } from './lots.ts';
import { fail, ok, type Outcome } from './outcome.ts';
import { erasedRefusal } from './personal-data.ts';
import { inTransaction } from './transaction.ts';

/** The member's referral code, made on first request. */
export async function referralCode(deps: Deps, programId: string, memberId: string): Promise<Outcome<{ code: string }>> {
  return inTransaction(deps.db, async (tx) => {
    for (;;) {
      const [row] = await tx.query<{ referral_code: string }>(
        `update members set referral_code = coalesce(referral_code, $3) where program_id = $1 and id = $2 and erased_at is null
         and not exists (select 1 from members where program_id = $1 and referral_code = $3) returning referral_code`,
        [programId, memberId, fillPattern('XXXXXXXX', randomInt)],
      );
      if (row) return ok({ code: row.referral_code });
      const member = await findMember(tx, programId, { id: memberId });
      if (!member) return fail('member_not_found', `no member ${memberId}`);
      if (member.erasedAt) return erasedRefusal(member);
    }
  });
}

/** An e-mail's owner, whatever dots or +tags were added to the local part. */
const mailbox = (email: string | null) => {
  if (!email) return null;
  const [local, domain] = email.toLowerCase().split('@') as [string, string];
  return `${local.split('+')[0]!.replaceAll('.', '')}@${domain}`;
};

/**
 * Links a newly registered member to whoever referred them, inside the registration's transaction. A code
 * that is unknown or from the same person is refused; a referrer over the monthly limit is recorded as rejected.
 */
export async function linkReferral(
  tx: Queryable,
  programId: string,
  rules: ReferralRules,
  timezone: string,
  referee: Member,
  code: string,
  now: Date,
): Promise<Outcome<null>> {
  if (!rules.enabled) return fail('invalid_referral', 'the programme has no referral rewards');
  // The referrer's row is locked first and their referrals counted after, in a statement of its own: newcomers
  // joining at once are then counted one after another.
  const [referrer] = await tx.query<{ id: string; email: string | null; phone: string | null }>(
    'select id, email, phone from members where program_id = $1 and referral_code = $2 for update',
    [programId, code.trim().toUpperCase()],
  );
  if (!referrer) return fail('invalid_referral', `no member has referral code ${code}`, { field: 'referralCode' });
  const same =
    referrer.id === referee.id ||
    (referee.phone !== null && referee.phone === referrer.phone) ||
    (referee.email !== null && mailbox(referee.email) === mailbox(referrer.email));
  if (same) return fail('invalid_referral', 'a member cannot refer themselves', { field: 'referralCode' });
  const [counted] = await tx.query<{ month: number }>(
    "select count(*)::int as month from referrals where program_id = $1 and referrer_id = $2 and created_at >= $3 and status <> 'rejected'",
    [programId, referrer.id, periodStart('month', now, timezone)],
  );
  const over = (counted?.month ?? 0) >= rules.maxRewardsPerMonth;
  await tx.query(
    `insert into referrals (program_id, referee_id, referrer_id, status, reason, created_at) values ($1, $2, $3, $4, $5, $6)`,
    [programId, referee.id, referrer.id, over ? 'rejected' : 'pending', over ? 'referrer_monthly_limit' : null, now],
  );
  return ok(null);
}

/**
 * At the newcomer's first qualifying purchase: their reward goes on the receipt's own draft (same member,
 * same transaction); the referrer's is paid by the `referrals` job in the referrer's own transaction.
 */
export async function qualifyReferral(
  tx: Queryable,
  programId: string,
  a: { rules: ReferralRules; settings: ProgramSettings; memberId: string; receiptId: string; paid: number; draft: LedgerDraft; purchasedAt: Date; now: Date },
): Promise<number> {
  if (!a.rules.enabled || a.paid < a.rules.minPurchase) return 0;
  const [row] = await tx.query<{ referee_id: string }>(
    `update referrals set status = 'qualified', receipt_id = $3 where program_id = $1 and referee_id = $2 and status = 'pending'
     returning referee_id`,
    [programId, a.memberId, a.receiptId],
  );
  if (!row || a.rules.refereePoints === 0) return 0;
  credit(a.draft, a.rules.refereePoints, lotTimes(a.settings, a.purchasedAt, newId('lot')), 'program:referral', a.now);
  await recordEvents(tx, programId, [newEvent('referral.rewarded', a.now, { memberId: a.memberId, refereeId: a.memberId, role: 'referee', points: a.rules.refereePoints })]);
  return a.rules.refereePoints;
}

/** Pays referrers for newcomers who qualified; one transaction per referrer, idempotent by the referral's status. */
export async function payReferrers(deps: Deps, onlyProgram: string | null) {
  const report = { job: 'referrals' as const, members: 0, changed: 0 };
  const due = await deps.db.query<{ program_id: string; referee_id: string; referrer_id: string }>(
    `select program_id, referee_id, referrer_id from referrals where status = 'qualified' and ($1::program is null and ${notLoading('program_id')} or program_id = $1)
     order by program_id, referrer_id limit 10000`,
    [onlyProgram],
  );
  for (const r of due) {
    const paid = await inTransaction(deps.db, async (tx) => {
      const now = deps.now();
      const referrer = await findMember(tx, r.program_id, { id: r.referrer_id }, true);
      const [still] = await tx.query('select 1 from referrals where program_id = $1 and referee_id = $2 and status = $3 for update', [r.program_id, r.referee_id, 'qualified']);
      if (!referrer || !still) return ok(false);
      const { rules } = await latestRules(tx, r.program_id);
      const points = rules.ruleSet.referral.referrerPoints;
      if (points > 0) {
        const { settings } = await loadSettings(tx, r.program_id);
        const ledger = await settleLots(tx, r.program_id, referrer.id, { available: referrer.pointsAvailable, pending: referrer.pointsPending }, now);
        const draft = openDraft(ledger.balance, ledger.lots);
        credit(draft, points, { id: newId('lot'), activatesAt: now, expiresAt: expiryTime(settings, now) }, 'program:referral', now);
        await writeDraft(tx, r.program_id, referrer.id, { id: newId('ent'), kind: 'referral', reason: `referred ${r.referee_id}`, at: now }, draft);
      }
      await tx.query(`update referrals set status = 'rewarded', rewarded_at = $3 where program_id = $1 and referee_id = $2`, [r.program_id, r.referee_id, now]);
      await recordEvents(tx, r.program_id, [newEvent('referral.rewarded', now, { memberId: referrer.id, refereeId: r.referee_id, role: 'referrer', points })]);
      return ok(true);
    });
    report.members += 1;
    if (paid.ok && paid.value) report.changed += 1;
  }
  return report;
}

export interface ReferralNode {
  memberId: string;
  name: string | null;
  status: string;
  reason: string | null;
  joinedAt: Date;
  referrals: ReferralNode[];
}

/** Whom the member referred, and whom they referred in turn (five levels). */
export async function referralTree(db: Queryable, programId: string, memberId: string): Promise<ReferralNode[]> {
  const rows = await db.query<{ referee_id: string; referrer_id: string; status: string; reason: string | null; name: string | null; created_at: Date }>(
    `with recursive tree as (
       select referee_id, referrer_id, status, reason, created_at, 1 as depth from referrals where program_id = $1 and referrer_id = $2
       union all
       select r.referee_id, r.referrer_id, r.status, r.reason, r.created_at, t.depth + 1
       from referrals r join tree t on r.program_id = $1 and r.referrer_id = t.referee_id where t.depth < 5)
     select t.referee_id, t.referrer_id, t.status, t.reason, m.name, t.created_at
     from tree t join members m on m.program_id = $1 and m.id = t.referee_id order by t.created_at`,
    [programId, memberId],
  );
  const children = (of: string): ReferralNode[] =>
    rows.filter((r) => r.referrer_id === of).map((r) => ({ memberId: r.referee_id, name: r.name, status: r.status, reason: r.reason, joinedAt: r.created_at, referrals: children(r.referee_id) }));
  return children(memberId);
}
