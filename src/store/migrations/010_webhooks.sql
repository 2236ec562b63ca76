-- Webhook subscriptions: a programme's events of the chosen types (all when none are chosen), signed with the
-- subscription's secret (Standard Webhooks). `fanned_to` is the feed position up to which events have been queued;
-- `since_written` keeps out the events written before the subscription, even those placed in the feed after it.
create table if not exists webhooks (
  program_id text not null references programs (id),
  id text not null,
  url text not null,
  event_types text[] not null,
  secret text not null,
  enabled boolean not null,
  disabled_reason text,
  fanned_to bigint not null,
  since_written bigint not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (program_id, id)
);
-- One row per event and subscription: what was sent, how it went, and when it is tried again.
create table if not exists webhook_deliveries (
  program_id text not null,
  webhook_id text not null,
  event_id text not null,
  event_seq bigint not null,
  member_id text,
  status text not null check (status in ('pending', 'delivered', 'dead')),
  queued_at timestamptz not null,
  attempts int not null default 0,
  next_attempt_at timestamptz not null,
  last_attempt_at timestamptz,
  last_status int,
  last_error text,
  last_latency_ms int,
  last_response text,
  delivered_at timestamptz,
  primary key (program_id, webhook_id, event_id),
  foreign key (program_id, webhook_id) references webhooks (program_id, id) on delete cascade
);
-- What is still to send, found without reading the log of what was sent.
create index if not exists webhook_deliveries_pending on webhook_deliveries (program_id, webhook_id) where status = 'pending';
create index if not exists webhook_deliveries_log on webhook_deliveries (program_id, webhook_id, event_seq);
