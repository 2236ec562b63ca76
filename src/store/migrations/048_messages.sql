-- Messages to members. A programme's channels with their settings (the password sealed under the server's key), its
-- templates, the triggers that turn events of the feed into messages, and the messages themselves: the queue the
-- sender works through and the log of what became of each. A message is one per (origin, member, occurrence): a
-- trigger's event planned twice, or a planner restarted, queues nothing twice.
create table message_channels (
  program_id program not null,
  channel text not null check (channel in ('email')),
  settings jsonb not null,
  secret text,
  updated_at timestamptz not null,
  primary key (program_id, channel)
);

create table message_templates (
  program_id program not null,
  code text not null,
  channel text not null,
  event_type text not null,
  subject jsonb not null,
  body jsonb not null,
  html jsonb,
  updated_at timestamptz not null,
  primary key (program_id, code)
);

create table message_triggers (
  program_id program not null,
  code text not null,
  event_type text not null,
  template text not null,
  kind text not null check (kind in ('marketing', 'transactional')),
  enabled boolean not null,
  delay_minutes integer not null,
  -- The feed position when it was made or switched on: the events before it started are not its to answer.
  since_seq bigint not null,
  updated_at timestamptz not null,
  primary key (program_id, code)
);

-- How far each programme's feed has been planned into messages.
create table message_cursors (
  program_id program primary key,
  seq bigint not null
);

create table messages (
  program_id program not null,
  id text not null,
  member_id text not null,
  origin text not null,
  occurrence text not null,
  channel text not null,
  kind text not null,
  template text not null,
  language text not null,
  to_address text,
  subject text,
  body text,
  html text,
  status text not null check (status in ('queued', 'sent', 'failed', 'bounced', 'skipped')),
  reason text,
  attempts integer not null default 0,
  created_at timestamptz not null,
  due_at timestamptz not null,
  leased_until timestamptz,
  sent_at timestamptz,
  primary key (program_id, id),
  unique (program_id, origin, member_id, occurrence)
);
create index messages_due on messages (due_at) where status = 'queued';
create index messages_member on messages (program_id, member_id, created_at);
