-- The programme's side of the ledger summed by closed day, as receipt_days sums receipts: a year's points report
-- reads a row a day instead of every entry's postings. Entries are dated when written, so a closed day seldom gets
-- one more; one that does (a history written with its own clock) removes its day's row under the same lock.
create table points_days (
  program_id program not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  timezone text not null,
  day date not null,
  entries integer not null,
  issued bigint not null,
  redeemed bigint not null,
  expired bigint not null,
  adjusted bigint not null,
  referral bigint not null,
  primary key (program_id, starts_at)
);

create function points_days_forget() returns trigger language plpgsql as $$
begin
  perform receipt_days_lock(new.program_id::program);
  delete from points_days
  where program_id = new.program_id::program and starts_at <= new.created_at and starts_at > new.created_at - interval '2 days'
    and ends_at > new.created_at;
  return null;
end
$$;

create trigger journal_entries_late_insert after insert on journal_entries
  for each row when (new.created_at < clock_timestamp() - interval '1 day') execute function points_days_forget();

-- The days the sums leave out (the last two, a reopened one) are read by time: entries are written in time order,
-- so a block range index finds them for a few kilobytes.
create index journal_entries_created on journal_entries using brin (created_at);
