-- A receipt keeps its answer compact (src/domain/stored-answer.ts), rebuilt with its own columns for a retry;
-- receipts written before keep their whole answer in `response`.
alter table receipts add column if not exists answer text;
