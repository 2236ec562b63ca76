-- A late receipt, entry or member change takes the day sums' lock shared, and only the daily-totals job takes it
-- whole (receipt_days_sum_lock): the job and a late change still wait for each other, but late changes no longer
-- queue behind one another. Taken whole by every late receipt, the lock closed deadlocks with the row locks of
-- concurrent sales (a budget's slot, a member) once receipts more than half an hour late became common.
-- Late changes of one day meet on that day's rows instead, and one member's on the member's row.
create function receipt_days_sum_lock(program_id program) returns void language sql as $$
  select pg_advisory_xact_lock(hashtext('receipt_days'), hashtext(program_id::text))
$$;
create or replace function receipt_days_lock(program_id program) returns void language sql as $$
  select pg_advisory_xact_lock_shared(hashtext('receipt_days'), hashtext(program_id::text))
$$;
