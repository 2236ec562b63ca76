-- Each buyer's folded buying days with running totals of their receipts and money, and the last day they bought
-- each category: `days` lists the days (from 2000-01-01, in the time zone of member_days_folded, ascending), and
-- element i of `receipts` counts their confirmed receipts on their first i buying days, of `paid` what they paid on
-- them, net of what was returned. A segment condition on purchases or money in a window reads two elements a buyer
-- (the totals before and at the window, found by counting the days before it) instead of grouping every receipt of
-- the window by member; "bought this category in the last N days" reads one key of `bought`. Kept beside
-- member_days, whose narrow rows every key figure scans, by the same fold and the same late changes.
create table member_totals (
  program_id program not null,
  member_id text not null,
  days integer[] not null,
  receipts integer[] not null,
  paid bigint[] not null,
  bought jsonb not null,
  primary key (program_id, member_id)
);

-- Works the rows of these members of programme p out again from their receipts of the folded days.
create function member_totals_count(p program, ms text[]) returns void language sql as $$
  with folded as (select until::timestamp at time zone timezone as ends, timezone from member_days_folded where program_id = p),
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

select member_totals_count(program_id, array_agg(member_id)) from member_days group by program_id;

-- A late receipt, a cancel of one, or a return of a receipt of a folded day changes what its member bought or paid
-- on that day: their totals are worked out again. Under the day sums' lock shared, as the other late changes, so
-- that it waits for a fold under way and the fold for it.
create function member_totals_mend() returns trigger language plpgsql as $$
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
  if bought.member_id is null or bought.purchased_at >= folded.until::timestamp at time zone folded.timezone then return null; end if;
  perform member_totals_count(new.program_id, array[bought.member_id]);
  return null;
end
$$;
-- On the receipts, when those of 040 fire.
create trigger receipts_late_insert_totals after insert on receipts
  for each row when (new.purchased_at < clock_timestamp() - interval '30 minutes') execute function member_totals_mend();
create trigger receipts_late_status_totals after update of status on receipts
  for each row when (new.status is distinct from old.status and new.purchased_at < clock_timestamp() - interval '30 minutes')
  execute function member_totals_mend();
create trigger returns_member_totals after insert on returns for each row execute function member_totals_mend();
