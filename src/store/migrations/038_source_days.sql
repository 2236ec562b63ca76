-- Each summed day also keeps its members' receipts and revenue by the members' acquisition source and sign-up
-- channel, [source, channel, receipts, revenue] each, so the sources report reads a row a day rather than a
-- year of receipts. Days summed before have none: they are summed again by the next daily-totals run.
alter table receipt_days add column sources jsonb not null default '[]';
delete from receipt_days;

-- A member whose source or channel changes, or who is erased, moves their receipts to another source (or out of
-- the report): the days they bought on are summed again, under the lock the sums are written under.
create function receipt_days_member_changed() returns trigger language plpgsql as $$
begin
  perform receipt_days_lock(new.program_id);
  -- A day is at most 25 hours long: its row starts less than two days before any receipt of it.
  delete from receipt_days d
  using (select purchased_at from receipts where program_id = new.program_id and member_id = new.id) r
  where d.program_id = new.program_id and d.starts_at <= r.purchased_at and d.starts_at > r.purchased_at - interval '2 days'
    and d.ends_at > r.purchased_at;
  return null;
end
$$;

create trigger members_source_changed after update of source, channel, erased_at on members
  for each row when (old.source is distinct from new.source or old.channel is distinct from new.channel or old.erased_at is distinct from new.erased_at)
  execute function receipt_days_member_changed();
