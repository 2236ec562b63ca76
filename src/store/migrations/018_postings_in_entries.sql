-- A journal entry keeps its postings in its own row: one JSON array with [account, lot id or null, amount] a posting,
-- in posting order (some 50 bytes a posting, where a row of its own with its key and the member's index took some
-- 290). Postings are only ever read with their entry; the view postings shows them as the table did.
alter table journal_entries add column if not exists postings json;
update journal_entries e set postings = (
  select json_agg(json_build_array(p.account, p.lot_id, p.amount) order by p.seq)
  from postings p where p.program_id = e.program_id and p.entry_id = e.id);
update journal_entries set postings = '[]' where postings is null;
alter table journal_entries alter column postings set not null;
drop table postings;
create view postings as
  select e.program_id, e.id as entry_id, p.n::int as seq, e.member_id, p.v->>0 as account, p.v->>1 as lot_id,
    (p.v->>2)::bigint as amount, e.created_at
  from journal_entries e cross join lateral json_array_elements(e.postings) with ordinality as p(v, n);
