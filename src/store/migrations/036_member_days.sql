-- Each member's buying days, a bit a day: bit i of `days` says the member has a confirmed receipt on the day
-- `since` + i (in the time zone of member_days_folded), bit i of `several` that they have two or more. A report
-- counts the members active in a period, the repeat buyers and those who left with one pass over a row a member,
-- whatever the number of receipts. The daily-totals job folds closed days in, in order, under the lock the day
-- sums take; member_days_folded says up to which day. Days past the end of a row's bits have no receipt.
create table member_days (
  program_id program not null,
  member_id text not null,
  since date not null,
  days varbit not null,
  several varbit not null,
  primary key (program_id, member_id)
);

-- Days from `since` to before `until` are folded into member_days, in this time zone; nobody bought before `since`
-- (a late receipt of an earlier day moves it).
create table member_days_folded (
  program_id program primary key,
  timezone text not null,
  since date not null,
  until date not null
);

-- Each whole folded month's buyers, and those who bought in it twice or more: a year's figures by month read a row
-- a month instead of working each month out member by member. A late receipt or change removes its month's row
-- until the job counts the month again.
create table month_buyers (
  program_id program not null,
  month date not null,
  active integer not null,
  repeaters integer not null,
  primary key (program_id, month)
);

-- Sets a member's bits for a folded day from `n`, their confirmed receipts of that day, growing the row either way.
create function member_days_mark(p program, m text, d date, n bigint) returns void language plpgsql as $$
declare
  row member_days;
begin
  select * into row from member_days where program_id = p and member_id = m for update;
  if not found then
    if n = 0 then return; end if;
    row := (p, m, d, B'0', B'0');
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
end
$$;

-- A late receipt (or a late change of one) removes its day's sum, as before, and mends its member's bit of that
-- day if the day is folded already, removing its month's count; under the same lock, so the job's fold sees the change or the change sees it.
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
  if not found then return null; end if;
  d := (new.purchased_at at time zone folded.timezone)::date;
  if d >= folded.until then return null; end if;
  select count(*) into n from receipts
  where program_id = new.program_id and member_id = new.member_id and status = 'confirmed'
    and purchased_at >= d::timestamp at time zone folded.timezone and purchased_at < (d + 1)::timestamp at time zone folded.timezone;
  perform member_days_mark(new.program_id, new.member_id, d, n);
  update member_days_folded set since = d where program_id = new.program_id and since > d;
  delete from month_buyers where program_id = new.program_id and month = date_trunc('month', d)::date;
  return null;
end
$$;
