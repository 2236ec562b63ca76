-- A programme whose history is being loaded (the demo) takes no scheduled jobs and no writes by its keys until it is in.
alter table programs add column if not exists loading_since timestamptz;
-- host:pid of the process loading it, so a load that process left unfinished is found and closed.
alter table programs add column if not exists loading_by text;
