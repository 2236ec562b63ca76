-- Core engine: programmes, keys, stores, members and cards, the points ledger, receipts and returns.
-- Every member-owned table carries program_id and member_id, so the schema can be distributed by member.

create table programs (
  id text primary key,
  name text not null,
  created_at timestamptz not null
);

-- Settings are versioned: an edit appends a new version, receipts keep the version that priced them.
create table program_settings (
  program_id text not null references programs (id),
  version integer not null,
  settings jsonb not null,
  actor text not null,
  created_at timestamptz not null,
  primary key (program_id, version)
);

create table api_keys (
  id text primary key,
  program_id text not null references programs (id),
  role text not null check (role in ('admin', 'marketer', 'pos', 'partner', 'readonly')),
  name text not null,
  key_hash text not null unique,
  created_at timestamptz not null,
  revoked_at timestamptz
);

create table stores (
  program_id text not null references programs (id),
  code text not null,
  name text not null,
  city text,
  channel text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (program_id, code)
);

create table members (
  program_id text not null references programs (id),
  id text not null,
  external_id text,
  phone text,
  email text,
  name text,
  birth_date date,
  gender text,
  city text,
  attributes jsonb not null default '{}',
  source text,
  channel text,
  consents jsonb not null default '{}',
  tier_code text,
  -- cached balances; the ledger (postings) is the truth and tests check they agree
  points_available bigint not null default 0,
  points_pending bigint not null default 0,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (program_id, id)
);
create unique index members_phone on members (program_id, phone) where phone is not null;
create unique index members_email on members (program_id, email) where email is not null;
create unique index members_external_id on members (program_id, external_id) where external_id is not null;

create table cards (
  program_id text not null,
  number text not null,
  member_id text not null,
  kind text not null check (kind in ('virtual', 'physical')),
  status text not null check (status in ('inactive', 'active', 'blocked')),
  block_reason text,
  replaced_by text,
  created_at timestamptz not null,
  activated_at timestamptz,
  blocked_at timestamptz,
  primary key (program_id, number),
  foreign key (program_id, member_id) references members (program_id, id)
);
create index cards_member on cards (program_id, member_id);

create table tier_changes (
  program_id text not null,
  member_id text not null,
  id text not null,
  from_tier text,
  to_tier text,
  reason text not null,
  qualifying_value bigint not null,
  created_at timestamptz not null,
  primary key (program_id, member_id, id)
);

create table receipts (
  program_id text not null,
  id text not null,
  store_code text not null,
  number text not null,
  member_id text,
  card_number text,
  status text not null check (status in ('confirmed', 'cancelled')),
  settings_version integer not null,
  tier_code text,
  currency text not null,
  total bigint not null,
  points_spent bigint not null,
  points_discount bigint not null,
  points_earned bigint not null,
  purchased_at timestamptz not null,
  created_at timestamptz not null,
  request_hash text not null,
  response jsonb,
  primary key (program_id, id),
  unique (program_id, store_code, number),
  foreign key (program_id, store_code) references stores (program_id, code)
);
create index receipts_member on receipts (program_id, member_id, purchased_at) where member_id is not null;

create table receipt_lines (
  program_id text not null,
  receipt_id text not null,
  line_no integer not null,
  sku text not null,
  name text,
  category text,
  quantity numeric(14, 3) not null,
  price bigint not null,
  discount bigint not null,
  amount bigint not null,
  is_reward boolean not null,
  points_earned bigint not null,
  points_spent bigint not null,
  points_discount bigint not null,
  primary key (program_id, receipt_id, line_no)
);

create table returns (
  program_id text not null,
  id text not null,
  receipt_id text not null,
  member_id text,
  kind text not null check (kind in ('return', 'cancel')),
  number text,
  amount bigint not null,
  points_clawed_back bigint not null,
  points_refunded bigint not null,
  created_at timestamptz not null,
  request_hash text,
  response jsonb,
  primary key (program_id, id)
);
create index returns_receipt on returns (program_id, receipt_id);
create index returns_member on returns (program_id, member_id) where member_id is not null;
create unique index returns_number on returns (program_id, receipt_id, number) where number is not null;

create table return_lines (
  program_id text not null,
  return_id text not null,
  receipt_id text not null,
  line_no integer not null,
  quantity numeric(14, 3) not null,
  amount bigint not null,
  points_clawed_back bigint not null,
  points_refunded bigint not null,
  primary key (program_id, return_id, line_no)
);
create index return_lines_receipt on return_lines (program_id, receipt_id);

-- The ledger. An entry is one business event; its postings sum to zero.
create table journal_entries (
  program_id text not null,
  id text not null,
  member_id text not null,
  kind text not null,
  receipt_id text,
  return_id text,
  reason text,
  actor text,
  created_at timestamptz not null,
  primary key (program_id, id)
);
create index journal_entries_member on journal_entries (program_id, member_id, id);

create table postings (
  program_id text not null,
  entry_id text not null,
  seq integer not null,
  member_id text not null,
  account text not null,
  lot_id text,
  amount bigint not null,
  created_at timestamptz not null,
  primary key (program_id, entry_id, seq)
);
create index postings_member on postings (program_id, member_id, account);

-- A lot is one accrual: it activates, is spent soonest-expiry-first, and expires.
create table lots (
  program_id text not null,
  member_id text not null,
  id text not null,
  entry_id text not null,
  amount bigint not null check (amount > 0),
  remaining bigint not null check (remaining >= 0),
  state text not null check (state in ('pending', 'active', 'expired')),
  activates_at timestamptz not null,
  expires_at timestamptz,
  created_at timestamptz not null,
  primary key (program_id, member_id, id)
);
create index lots_open on lots (program_id, member_id, expires_at) where remaining > 0;
create index lots_activation on lots (activates_at) where state = 'pending';
create index lots_expiry on lots (expires_at) where state = 'active' and remaining > 0;

create table idempotency_keys (
  program_id text not null,
  key text not null,
  request_hash text not null,
  status integer,
  response jsonb,
  created_at timestamptz not null,
  primary key (program_id, key)
);
