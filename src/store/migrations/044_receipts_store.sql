-- Receipts by store and time, carrying what the key figures read of each: a report narrowed to one store reads
-- that store's entries of the index alone (an index-only scan, once vacuum has marked the pages visible) instead
-- of fetching its receipts' rows from all over the table.
create index receipts_store on receipts (program_id, store_code, purchased_at) include (member_id, status, total);
