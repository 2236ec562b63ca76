-- A member's journal entries are found by member (history pages, the lot of a receipt): the member's index is the
-- key, and the key by id alone, which no query used, is gone.
alter table journal_entries drop constraint journal_entries_pkey;
alter table journal_entries add primary key (program_id, member_id, id);
drop index if exists journal_entries_member;
