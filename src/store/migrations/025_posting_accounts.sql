-- A posting keeps its account's number, its place in src/store/ledger.ts's list of accounts, rather than its name:
-- some 75 bytes a receipt. The view postings shows the names.
update journal_entries e set postings = (
  select coalesce(json_agg(json_build_array(array_position(array['member:available', 'member:pending', 'program:issuance',
    'program:redemption', 'program:expiry', 'program:adjustment', 'program:referral'], p.v->>0) - 1, p.v->1, p.v->2) order by p.n), '[]')
  from json_array_elements(e.postings) with ordinality as p(v, n))
where json_typeof(e.postings->0->0) = 'string';
create or replace view postings as
  select e.program_id, e.id as entry_id, p.n::int as seq, e.member_id,
    (array['member:available', 'member:pending', 'program:issuance', 'program:redemption', 'program:expiry',
      'program:adjustment', 'program:referral'])[(p.v->>0)::int + 1] as account,
    p.v->>1 as lot_id, (p.v->>2)::bigint as amount, e.created_at
  from journal_entries e cross join lateral json_array_elements(e.postings) with ordinality as p(v, n);
