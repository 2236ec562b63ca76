-- Journal entries are dated when written, so the daily-totals job sums a day of them an hour after it ends rather
-- than two days after: a points report reads at most today's entries. An entry dated more than half an hour before
-- it is written (a history written with its own clock, a transaction that ran that long) removes its day's sum.
drop trigger journal_entries_late_insert on journal_entries;
create trigger journal_entries_late_insert after insert on journal_entries
  for each row when (new.created_at < clock_timestamp() - interval '30 minutes') execute function points_days_forget();

-- The sums now leave out activations (they move points between a member's own accounts): summed again by the job.
delete from points_days;
