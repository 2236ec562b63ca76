-- Each buyer's row of buying days also keeps their acquisition source and sign-up channel, and whether they were
-- erased, as the members' table says: the sources report counts a source's active members in its one pass over
-- the buyers' rows instead of joining every member. The fold copies them in; a change of a member keeps them so.
alter table member_days add column source text, add column channel text, add column erased boolean not null default false;
update member_days d set source = m.source, channel = m.channel, erased = m.erased_at is not null
from members m where m.program_id = d.program_id and m.id = d.member_id;

-- A row that a late receipt starts takes the member's source too (as in 036, with the member's columns).
create or replace function member_days_mark(p program, m text, d date, n bigint) returns void language plpgsql as $$
declare
  row member_days;
begin
  select * into row from member_days where program_id = p and member_id = m for update;
  if not found then
    if n = 0 then return; end if;
    select p, m, d, B'0', B'0', x.source, x.channel, x.erased_at is not null into row from members x where x.program_id = p and x.id = m;
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

-- As in 038, and the member's row of buying days takes the new source, channel or erasure.
create or replace function receipt_days_member_changed() returns trigger language plpgsql as $$
begin
  perform receipt_days_lock(new.program_id);
  -- A day is at most 25 hours long: its row starts less than two days before any receipt of it.
  delete from receipt_days d
  using (select purchased_at from receipts where program_id = new.program_id and member_id = new.id) r
  where d.program_id = new.program_id and d.starts_at <= r.purchased_at and d.starts_at > r.purchased_at - interval '2 days'
    and d.ends_at > r.purchased_at;
  update member_days set source = new.source, channel = new.channel, erased = new.erased_at is not null
  where program_id = new.program_id and member_id = new.id;
  return null;
end
$$;
