-- The console finds a receipt by its number alone (a customer reads it off the paper), newest first.
create index if not exists receipts_number on receipts (program_id, number);

-- The overview sums the points that expired in a period; expiry entries are few, so the index costs a sale nothing.
create index if not exists journal_entries_expiry on journal_entries (program_id, created_at) where kind = 'expiry';
