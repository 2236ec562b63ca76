-- Who did it: the key (or the system's own work: demo, import) that made each receipt, return and cancel.
-- Profile changes, card blocks and issues, store edits and key changes go to audit_log with the key as actor.
alter table receipts add column created_by text;
alter table returns add column created_by text;

-- A readonly key may be granted members' personal data.
alter table api_keys add column pii boolean not null default false;
