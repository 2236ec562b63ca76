-- The outbox: every change writes its events in its own transaction. `written` orders them as written; the
-- sequencer then gives each its place `seq` in its programme's feed, so feed positions only ever grow.
create table if not exists events (
  program_id text not null references programs (id),
  id text not null,
  written bigint generated always as identity,
  seq bigint,
  type text not null,
  version int not null,
  member_id text,
  occurred_at timestamptz not null,
  payload jsonb not null,
  primary key (program_id, id)
);
create index if not exists events_unplaced on events (written) where seq is null;
create unique index if not exists events_feed on events (program_id, seq);
-- The last feed position given in each programme.
create table if not exists event_cursors (
  program_id text primary key references programs (id),
  seq bigint not null
);
