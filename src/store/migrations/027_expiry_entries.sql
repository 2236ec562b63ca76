-- The overview sums the points that expired in a period; expiry entries are few, so the index costs a sale nothing.
create index if not exists journal_entries_expiry on journal_entries (program_id, created_at) where kind = 'expiry';
