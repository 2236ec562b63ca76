-- A receipt's lines keep their flags as 1 or 0 and leave off the zeros at their end (src/store/receipt-lines.ts):
-- some 50 bytes a receipt. Lines kept before, with true and false and every zero, read as they did.
create or replace view receipt_lines as
  select r.program_id, r.id as receipt_id, e.n::int as line_no, e.l->>0 as sku, e.l->>1 as name, e.l->>2 as category,
    e.l->>3 as brand, (e.l->>4)::numeric(14, 3) as quantity, (e.l->>5)::bigint as price, (e.l->>6)::bigint as discount,
    (e.l->>7)::bigint as amount, coalesce((e.l->>8)::boolean, false) as is_reward, coalesce((e.l->>9)::boolean, false) as weighed,
    coalesce((e.l->>10)::bigint, 0) as campaign_discount, coalesce((e.l->>11)::bigint, 0) as points_earned,
    coalesce((e.l->>12)::bigint, 0) as points_spent, coalesce((e.l->>13)::bigint, 0) as points_discount
  from receipts r cross join lateral json_array_elements(r.lines) with ordinality as e(l, n);
