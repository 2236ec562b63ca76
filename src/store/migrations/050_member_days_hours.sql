-- The daily-totals job folds today's settled hours into the members' buying days too, as it sums them, rather than
-- waiting for the day to close: by evening a report read the whole day's receipts of every member to count who
-- bought. `ends` is the instant the fold has reached: days before `until` are folded whole, and the bits of day
-- `until` (when `ends` falls within it) hold its receipts before `ends`. A receipt before `ends` that arrives or
-- changes later mends its member's day and totals, as one of a closed day did.
alter table member_days_folded add column ends timestamptz;
update member_days_folded set ends = until::timestamp at time zone timezone;
alter table member_days_folded alter column ends set not null;

-- As in 036, counting only the receipts of the day that the fold has reached.
create or replace function receipt_days_forget() returns trigger language plpgsql as $$
declare
  folded member_days_folded;
  d date;
  n bigint;
begin
  perform receipt_days_lock(new.program_id);
  -- A day is at most 25 hours long: its row starts less than two days before any receipt of it.
  delete from receipt_days
  where program_id = new.program_id and starts_at <= new.purchased_at and starts_at > new.purchased_at - interval '2 days'
    and ends_at > new.purchased_at;
  if new.member_id is null then return null; end if;
  select * into folded from member_days_folded where program_id = new.program_id;
  if not found or new.purchased_at >= folded.ends then return null; end if;
  d := (new.purchased_at at time zone folded.timezone)::date;
  select count(*) into n from receipts
  where program_id = new.program_id and member_id = new.member_id and status = 'confirmed'
    and purchased_at >= d::timestamp at time zone folded.timezone
    and purchased_at < least((d + 1)::timestamp at time zone folded.timezone, folded.ends);
  perform member_days_mark(new.program_id, new.member_id, d, n);
  update member_days_folded set since = d where program_id = new.program_id and since > d;
  delete from month_buyers where program_id = new.program_id and month = date_trunc('month', d)::date;
  return null;
end
$$;

-- As in 046, over the receipts before the instant the fold has reached.
create or replace function member_totals_count(p program, ms text[]) returns void language sql as $$
  with folded as (select ends, timezone from member_days_folded where program_id = p),
  bought as (
    select r.member_id, (r.purchased_at at time zone f.timezone)::date - date '2000-01-01' as day, r.categories,
      r.total - r.points_discount - r.campaign_discount - coalesce((select sum(t.amount) from returns t where t.program_id = p and t.receipt_id = r.id), 0) as paid
    -- Joined rather than `= any(ms)`: for a fold's many members the planner can hash them.
    from folded f cross join unnest(ms) m(id)
    join receipts r on r.program_id = p and r.member_id = m.id and r.member_id is not null and r.purchased_at < f.ends
    where r.status = 'confirmed'),
  days as (select member_id, day, count(*) as n, sum(paid) as paid from bought group by 1, 2),
  running as (
    select member_id, array_agg(day order by day) as days, array_agg(n::int order by day) as receipts, array_agg(paid::int8 order by day) as paid
    from (select member_id, day, sum(n) over (partition by member_id order by day) as n, sum(paid) over (partition by member_id order by day) as paid from days) d
    group by member_id),
  categories as (
    select member_id, jsonb_object_agg(category, day) as bought
    from (select member_id, c.category, max(day) as day from bought cross join unnest(categories) c(category) group by 1, 2) c
    group by member_id),
  gone as (delete from member_totals where program_id = p and member_id = any(ms) and member_id not in (select member_id from running))
  insert into member_totals (program_id, member_id, days, receipts, paid, bought)
  select p, x.member_id, x.days, x.receipts, x.paid, coalesce(c.bought, '{}') from running x left join categories c on c.member_id = x.member_id
  on conflict (program_id, member_id) do update set days = excluded.days, receipts = excluded.receipts, paid = excluded.paid, bought = excluded.bought
$$;

-- As in 046, for the receipts before the instant the fold has reached.
create or replace function member_totals_mend() returns trigger language plpgsql as $$
declare
  folded member_days_folded;
  bought receipts;
begin
  perform receipt_days_lock(new.program_id);
  select * into folded from member_days_folded where program_id = new.program_id;
  if not found then return null; end if;
  if tg_table_name = 'returns' then
    select * into bought from receipts where program_id = new.program_id and id = new.receipt_id;
  else
    bought := new;
  end if;
  if bought.member_id is null or bought.purchased_at >= folded.ends then return null; end if;
  perform member_totals_count(new.program_id, array[bought.member_id]);
  return null;
end
$$;
