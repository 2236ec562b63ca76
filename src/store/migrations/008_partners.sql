-- Partners of a coalition: each owns stores, and a partner key belongs to one partner and sells only at its stores.
create table if not exists partners (
  program_id text not null references programs (id),
  code text not null,
  name text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (program_id, code)
);
alter table stores add column if not exists partner_code text;
alter table stores add constraint stores_partner foreign key (program_id, partner_code) references partners (program_id, code);
alter table api_keys add column if not exists partner_code text;
-- The partner whose store a receipt's (or its return's) points moved at: what coalition settlement adds up.
alter table journal_entries add column if not exists partner_code text;
