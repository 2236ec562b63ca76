-- Each buyer's receipts and money on their folded buying days, as running totals, one element a set bit of `days`:
-- element i of `receipts` counts the member's confirmed receipts on their first i buying days, of `paid` what they
-- paid on them, net of what was returned. A segment condition on purchases or money in a window then reads two
-- elements a buyer (the running totals before and at the window's folded days, found by counting bits) instead of
-- grouping every receipt of the window by member; only the window's partial first day and the days not folded yet
-- come from the receipts. `bought` holds each category of the member's folded receipts with the last day they
-- bought it (days from 2000-01-01): "bought this category in the last N days" reads one key a buyer.
alter table member_days add column receipts integer[] not null default '{}', add column paid bigint[] not null default '{}',
  add column bought jsonb not null default '{}';

-- Works the running totals and the categories' last days of these members of programme p out again from their
-- receipts of the folded days.
create function member_days_totals(p program, ms text[]) returns void language sql as $$
  -- From the first receipt: a late receipt before the first folded day moves that day only after it is marked.
  with folded as (select until::timestamp at time zone timezone as ends, timezone from member_days_folded where program_id = p),
  bought as (
    select r.member_id, (r.purchased_at at time zone f.timezone)::date as day, r.categories,
      r.total - r.points_discount - r.campaign_discount - coalesce((select sum(t.amount) from returns t where t.program_id = p and t.receipt_id = r.id), 0) as paid
    -- Joined rather than `= any(ms)`: for a fold's many members the planner can hash them.
    from folded f cross join unnest(ms) m(id)
    join receipts r on r.program_id = p and r.member_id = m.id and r.member_id is not null and r.purchased_at < f.ends
    where r.status = 'confirmed'),
  days as (select member_id, day, count(*) as n, sum(paid) as paid from bought group by 1, 2),
  running as (
    select member_id, array_agg(n::int order by day) as receipts, array_agg(paid::int8 order by day) as paid
    from (select member_id, day, sum(n) over (partition by member_id order by day) as n, sum(paid) over (partition by member_id order by day) as paid from days) d
    group by member_id),
  categories as (
    select member_id, jsonb_object_agg(category, day - date '2000-01-01') as bought
    from (select member_id, c.category, max(day) as day from bought cross join unnest(categories) c(category) group by 1, 2) c
    group by member_id)
  update member_days d set receipts = coalesce(x.receipts, '{}'), paid = coalesce(x.paid, '{}'), bought = coalesce(c.bought, '{}')
  from unnest(ms) m(id) left join running x on x.member_id = m.id left join categories c on c.member_id = m.id
  where d.program_id = p and d.member_id = m.id
$$;

select member_days_totals(program_id, array_agg(member_id)) from member_days group by program_id;

-- A late receipt mends its member's running totals and categories with its day's bits (as in 043, then the totals).
create or replace function member_days_mark(p program, m text, d date, n bigint) returns void language plpgsql as $$
declare
  row member_days;
begin
  select * into row from member_days where program_id = p and member_id = m for update;
  if not found then
    if n = 0 then return; end if;
    select p, m, d, B'0', B'0', x.source, x.channel, x.erased_at is not null, '{}'::int[], '{}'::int8[], '{}'::jsonb into row from members x where x.program_id = p and x.id = m;
  end if;
  if d < row.since then
    row.days := repeat('0', row.since - d)::varbit || row.days;
    row.several := repeat('0', row.since - d)::varbit || row.several;
    row.since := d;
  end if;
  if d - row.since >= length(row.days) then
    row.days := row.days || repeat('0', d - row.since + 1 - length(row.days))::varbit;
    row.several := row.several || repeat('0', d - row.since + 1 - length(row.several))::varbit;
  end if;
  row.days := set_bit(row.days, d - row.since, (n > 0)::int);
  row.several := set_bit(row.several, d - row.since, (n > 1)::int);
  insert into member_days values (row.*)
    on conflict (program_id, member_id) do update set since = excluded.since, days = excluded.days, several = excluded.several;
  perform member_days_totals(p, array[m]);
end
$$;

-- A return of a receipt of a folded day lowers what its member paid on that day: the totals are worked out again.
-- Under the day sums' lock shared, as a late receipt, so that it waits for a fold under way and the fold for it.
create function member_days_returned() returns trigger language plpgsql as $$
declare
  folded member_days_folded;
  bought receipts;
begin
  perform receipt_days_lock(new.program_id);
  select * into folded from member_days_folded where program_id = new.program_id;
  if not found then return null; end if;
  select * into bought from receipts where program_id = new.program_id and id = new.receipt_id;
  if bought.member_id is null or bought.purchased_at >= folded.until::timestamp at time zone folded.timezone then return null; end if;
  perform member_days_totals(new.program_id, array[bought.member_id]);
  return null;
end
$$;
create trigger returns_member_days after insert on returns for each row execute function member_days_returned();
