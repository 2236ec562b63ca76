import { createHash } from 'node:crypto';

// Who in a broadcast's audience gets which variant, and who is held back to measure it against.

/** At most this many variants of one broadcast. */
export const MAX_VARIANTS = 5;

/**
 * A number from 0 to 9,999 drawn from `salt` and the member: the first eight hex digits of md5 over `salt:member`,
 * modulo 10,000. The same in SQL (`splitBucketSql`), so the planner and a test agree to the member.
 */
export const bucketOf = (salt: string, memberId: string): number => Number.parseInt(createHash('md5').update(`${salt}:${memberId}`).digest('hex').slice(0, 8), 16) % 10_000;

/** The same bucket, as SQL over a salt parameter and a member id column. */
export const splitBucketSql = (salt: string, member: string) => `(('x' || substr(md5(${salt} || ':' || ${member}), 1, 8))::bit(32)::bigint % 10000)`;

/**
 * The member's group in a broadcast: 'control' when their bucket falls under the control share (percent, in
 * hundredths), else the variant numbered by the bucket's rest spread evenly over the variants. Stable: the same
 * broadcast and member always land in the same group, and raising the control share only moves members into it.
 */
export function groupOf(broadcast: string, memberId: string, controlPercent: number, variants: number): number | 'control' {
  const bucket = bucketOf(broadcast, memberId);
  const held = Math.round(controlPercent * 100);
  if (bucket < held) return 'control';
  return Math.floor(((bucket - held) * variants) / (10_000 - held));
}

/** The same group as SQL: null for the control group, else the variant's number. */
export const groupSql = (broadcast: string, member: string, controlPercent: string, variants: string) => {
  const bucket = splitBucketSql(broadcast, member);
  const held = `round(${controlPercent} * 100)::bigint`;
  return `case when ${bucket} < ${held} then null else ((${bucket} - ${held}) * ${variants}) / (10000 - ${held}) end`;
};

/** Whether the member is in the programme's global control group, which gets no marketing at all. */
export const inGlobalControl = (programId: string, memberId: string, percent: number): boolean => bucketOf(`global:${programId}`, memberId) < Math.round(percent * 100);
