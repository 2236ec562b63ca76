-- A receipt keeps its lines in its own row: one JSON array with a row of values a line, in line order (about 50
-- bytes a line, where a row of its own with its key took some 320). The order of the values is
-- src/store/receipt-lines.ts's; the view receipt_lines shows them as the table did.
alter table receipts add column if not exists lines json;
update receipts r set lines = (
  select json_agg(json_build_array(l.sku, l.name, l.category, l.brand, l.quantity, l.price, l.discount, l.amount, l.is_reward,
    l.weighed, l.campaign_discount, l.points_earned, l.points_spent, l.points_discount) order by l.line_no)
  from receipt_lines l where l.program_id = r.program_id and l.receipt_id = r.id);
update receipts set lines = '[]' where lines is null;
alter table receipts alter column lines set not null;
drop table receipt_lines;
create view receipt_lines as
  select r.program_id, r.id as receipt_id, e.n::int as line_no, e.l->>0 as sku, e.l->>1 as name, e.l->>2 as category,
    e.l->>3 as brand, (e.l->>4)::numeric(14, 3) as quantity, (e.l->>5)::bigint as price, (e.l->>6)::bigint as discount,
    (e.l->>7)::bigint as amount, (e.l->>8)::boolean as is_reward, (e.l->>9)::boolean as weighed,
    (e.l->>10)::bigint as campaign_discount, (e.l->>11)::bigint as points_earned, (e.l->>12)::bigint as points_spent,
    (e.l->>13)::bigint as points_discount
  from receipts r cross join lateral json_array_elements(r.lines) with ordinality as e(l, n);
