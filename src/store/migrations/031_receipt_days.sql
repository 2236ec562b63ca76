-- The receipts of each closed day, summed once, in the programme's time zone: a year's overview reads a row a day
-- instead of every receipt. The daily-totals job sums a day only once it ended two days ago, so the sale path,
-- selling now, never comes near these rows. A receipt that arrives later for such a day (an offline till, an
-- import), or is confirmed or cancelled later, removes its day's row in its own transaction, under the same lock
-- the job sums under; until the job sums the day again, the overview reads that day from its receipts.
create table receipt_days (
  program_id program not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  timezone text not null,
  day date not null,
  receipts integer not null,
  member_receipts integer not null,
  revenue bigint not null,
  member_revenue bigint not null,
  points_earned bigint not null,
  points_spent bigint not null,
  primary key (program_id, starts_at)
);

-- The lock a day's sum and a late change of that day's receipts take in turn: the sum sees the change, or the
-- change removes the sum.
create function receipt_days_lock(program_id program) returns void language sql as $$
  select pg_advisory_xact_lock(hashtext('receipt_days'), hashtext(program_id::text))
$$;

create function receipt_days_forget() returns trigger language plpgsql as $$
begin
  perform receipt_days_lock(new.program_id);
  -- A day is at most 25 hours long: its row starts less than two days before any receipt of it.
  delete from receipt_days
  where program_id = new.program_id and starts_at <= new.purchased_at and starts_at > new.purchased_at - interval '2 days'
    and ends_at > new.purchased_at;
  return null;
end
$$;

-- Only a receipt of more than a day ago calls the function; the job leaves a day a further day to be safe from a
-- transaction that began before it.
create trigger receipts_late_insert after insert on receipts
  for each row when (new.purchased_at < clock_timestamp() - interval '1 day') execute function receipt_days_forget();
create trigger receipts_late_status after update of status on receipts
  for each row when (new.status is distinct from old.status and new.purchased_at < clock_timestamp() - interval '1 day')
  execute function receipt_days_forget();
