-- What a member's receipts add up to, kept by the sale path, returns and cancellations in their own statements,
-- so a confirmation never reads the member's history: purchases (confirmed receipts), the first and last, money
-- paid and points earned on them, points spent on them, each net of returns.
alter table members add column if not exists purchases integer not null default 0;
alter table members add column if not exists first_purchase_at timestamptz;
alter table members add column if not exists last_purchase_at timestamptz;
alter table members add column if not exists paid_total bigint not null default 0;
alter table members add column if not exists points_earned bigint not null default 0;
alter table members add column if not exists points_spent bigint not null default 0;

-- The tier's qualifying values per calendar month (UTC) of purchase, net of returns: a tier window is at most
-- 13 of these rows plus the receipts of its first, partial month.
create table if not exists member_months (
  program_id text not null,
  member_id text not null,
  month date not null,
  amount_spent bigint not null default 0,
  points_earned bigint not null default 0,
  primary key (program_id, member_id, month)
);

update members m set purchases = r.purchases, first_purchase_at = r.first, last_purchase_at = r.last, paid_total = r.paid,
  points_earned = r.earned, points_spent = r.spent
from (
  select r.program_id, r.member_id, count(*) filter (where r.status = 'confirmed') as purchases, min(r.purchased_at) as first,
    max(r.purchased_at) as last, sum(r.total - r.points_discount - r.campaign_discount) - coalesce(sum(t.amount), 0) as paid,
    sum(r.points_earned) - coalesce(sum(t.clawed), 0) as earned, sum(r.points_spent) - coalesce(sum(t.refunded), 0) as spent
  from receipts r
  left join (select program_id, receipt_id, sum(amount) as amount, sum(points_clawed_back) as clawed, sum(points_refunded) as refunded
             from returns group by 1, 2) t
    on t.program_id = r.program_id and t.receipt_id = r.id
  where r.member_id is not null
  group by r.program_id, r.member_id) r
where m.program_id = r.program_id and m.id = r.member_id and m.purchases = 0 and m.first_purchase_at is null;

insert into member_months (program_id, member_id, month, amount_spent, points_earned)
select r.program_id, r.member_id, date_trunc('month', r.purchased_at at time zone 'UTC')::date,
  sum(r.total - r.points_discount - r.campaign_discount) - coalesce(sum(t.amount), 0), sum(r.points_earned) - coalesce(sum(t.clawed), 0)
from receipts r
left join (select program_id, receipt_id, sum(amount) as amount, sum(points_clawed_back) as clawed from returns group by 1, 2) t
  on t.program_id = r.program_id and t.receipt_id = r.id
where r.member_id is not null
group by 1, 2, 3
on conflict do nothing;
