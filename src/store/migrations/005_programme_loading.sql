-- A programme whose history is being loaded (the demo) takes no scheduled jobs and no writes by its keys until it is in.
alter table programs add column if not exists loading_since timestamptz;
