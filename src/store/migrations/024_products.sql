-- The products a programme's tills have sold, each named as a till first named it; a row never changes. A receipt's
-- line that names its product the same way leaves out name, category and brand (src/store/receipt-lines.ts): some
-- 35 bytes a line. The view receipt_lines shows every line whole, either way.
create table if not exists products (
  program_id program not null references programs (id),
  sku text not null,
  name text,
  category text,
  brand text,
  first_sold_at timestamptz not null,
  primary key (program_id, sku)
);
create or replace view receipt_lines as
  select r.program_id, r.id as receipt_id, e.n::int as line_no, e.l->>0 as sku,
    case when s.short then p.name else e.l->>1 end as name,
    case when s.short then p.category else e.l->>2 end as category,
    case when s.short then p.brand else e.l->>3 end as brand,
    (e.l->>(4 - s.o))::numeric(14, 3) as quantity, (e.l->>(5 - s.o))::bigint as price, (e.l->>(6 - s.o))::bigint as discount,
    (e.l->>(7 - s.o))::bigint as amount, coalesce((e.l->>(8 - s.o))::boolean, false) as is_reward,
    coalesce((e.l->>(9 - s.o))::boolean, false) as weighed, coalesce((e.l->>(10 - s.o))::bigint, 0) as campaign_discount,
    coalesce((e.l->>(11 - s.o))::bigint, 0) as points_earned, coalesce((e.l->>(12 - s.o))::bigint, 0) as points_spent,
    coalesce((e.l->>(13 - s.o))::bigint, 0) as points_discount
  from receipts r cross join lateral json_array_elements(r.lines) with ordinality as e(l, n)
  cross join lateral (select json_typeof(e.l->1) = 'number' as short, case when json_typeof(e.l->1) = 'number' then 3 else 0 end as o) s
  left join products p on s.short and p.program_id = r.program_id and p.sku = e.l->>0;
