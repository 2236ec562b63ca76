-- The daily-totals job sums and folds a day of receipts an hour after it ends, as it does journal entries (037),
-- rather than two days after: reports read at most today's receipts. A receipt dated more than half an hour
-- before it is written or confirmed (an offline till, an import, a transaction that ran that long) removes its
-- day's sum and mends its member's buying day, as a receipt more than a day late did before.
drop trigger receipts_late_insert on receipts;
drop trigger receipts_late_status on receipts;
create trigger receipts_late_insert after insert on receipts
  for each row when (new.purchased_at < clock_timestamp() - interval '30 minutes') execute function receipt_days_forget();
create trigger receipts_late_status after update of status on receipts
  for each row when (new.status is distinct from old.status and new.purchased_at < clock_timestamp() - interval '30 minutes')
  execute function receipt_days_forget();
