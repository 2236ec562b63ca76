-- The console finds a receipt by its number alone (a customer reads it off the paper), newest first.
create index receipts_number on receipts (program_id, number);
