-- Rules engine: the product categories rules name, versioned rule sets, what campaigns gave, campaign budgets,
-- coupons, member actions, referrals and the audit trail.

create table categories (
  program_id text not null references programs (id),
  code text not null,
  name text not null,
  parent text,
  created_at timestamptz not null,
  primary key (program_id, code)
);

-- A rule set version never changes; publishing appends one. Version 0 is the empty rule set.
create table rule_sets (
  program_id text not null references programs (id),
  version integer not null,
  rules jsonb not null,
  actor text not null,
  created_at timestamptz not null,
  primary key (program_id, version)
);

alter table receipts add column rules_version integer not null default 0;
alter table receipts add column campaign_discount bigint not null default 0;
-- Reports and backtests read receipts by the time they were bought.
create index receipts_purchased on receipts (program_id, purchased_at, id);
alter table receipt_lines add column brand text;
alter table receipt_lines add column campaign_discount bigint not null default 0;

-- What each campaign gave on a receipt or for an action: member limits and reports read it.
create table campaign_grants (
  program_id text not null,
  campaign text not null,
  source_id text not null,
  member_id text,
  points bigint not null,
  discount bigint not null,
  lines jsonb not null default '[]',
  rewards jsonb not null default '[]',
  created_at timestamptz not null,
  -- set when the receipt is returned in full: the grant no longer counts towards the member's limits
  reversed_at timestamptz,
  primary key (program_id, source_id, campaign)
);
create index campaign_grants_member on campaign_grants (program_id, member_id, campaign, created_at) where member_id is not null;

-- A campaign budget is spread over slots, so tills confirming at once don't queue on one row.
create table campaign_budgets (
  program_id text not null,
  campaign text not null,
  slot smallint not null,
  points_left bigint not null,
  discount_left bigint not null,
  primary key (program_id, campaign, slot)
);

create table coupons (
  program_id text not null references programs (id),
  code text not null,
  campaign text not null,
  batch text,
  member_id text,
  max_uses integer,
  per_member integer,
  uses integer not null default 0,
  valid_from timestamptz,
  valid_to timestamptz,
  issued_by_receipt text,
  created_at timestamptz not null,
  primary key (program_id, code)
);
create index coupons_batch on coupons (program_id, batch) where batch is not null;
create index coupons_member on coupons (program_id, member_id) where member_id is not null;
create index coupons_issued_by on coupons (program_id, issued_by_receipt) where issued_by_receipt is not null;

create table coupon_redemptions (
  program_id text not null,
  code text not null,
  receipt_id text not null,
  member_id text,
  created_at timestamptz not null,
  restored_at timestamptz,
  primary key (program_id, code, receipt_id)
);
create index coupon_redemptions_member on coupon_redemptions (program_id, code, member_id) where member_id is not null;
create index coupon_redemptions_receipt on coupon_redemptions (program_id, receipt_id);

-- Member actions (a review, a survey, a sport goal...), idempotent by the caller's event id.
create table member_events (
  program_id text not null,
  id text not null,
  member_id text not null,
  type text not null,
  occurred_at timestamptz not null,
  attributes jsonb not null default '{}',
  rules_version integer not null,
  points bigint not null,
  request_hash text not null,
  response jsonb not null,
  created_at timestamptz not null,
  primary key (program_id, id)
);
create index member_events_member on member_events (program_id, member_id, occurred_at);

alter table members add column referral_code text;
create unique index members_referral_code on members (program_id, referral_code) where referral_code is not null;

create table referrals (
  program_id text not null,
  referee_id text not null,
  referrer_id text not null,
  status text not null check (status in ('pending', 'qualified', 'rewarded', 'rejected')),
  reason text,
  receipt_id text,
  created_at timestamptz not null,
  rewarded_at timestamptz,
  primary key (program_id, referee_id)
);
create index referrals_referrer on referrals (program_id, referrer_id);
create index referrals_due on referrals (program_id, referrer_id) where status = 'qualified';

create table audit_log (
  program_id text not null,
  id text not null,
  actor text not null,
  action text not null,
  entity text not null,
  entity_id text not null,
  before jsonb,
  after jsonb,
  created_at timestamptz not null,
  primary key (program_id, id)
);
create index audit_log_entity on audit_log (program_id, entity, entity_id);
