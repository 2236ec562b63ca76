-- Broadcasts, the member's own say in what reaches them, the programme's caps, and what members did with a message.
-- A broadcast goes to the members of a segment when it is due: each gets one of up to five variants, or falls in the
-- control group that gets nothing, by a hash of the broadcast and the member, so the split is the same however often
-- it is computed. The control group is written down as messages with the status 'control' for the results to read.
create table message_broadcasts (
  program_id program not null,
  code text not null,
  name text not null,
  segment text not null,
  topic text not null,
  variants jsonb not null,
  control_percent numeric(5, 2) not null check (control_percent >= 0 and control_percent <= 50),
  send_at timestamptz not null,
  status text not null check (status in ('scheduled', 'planned', 'cancelled')),
  planned_at timestamptz,
  audience integer,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (program_id, code)
);
create index message_broadcasts_due on message_broadcasts (send_at) where status = 'scheduled';

-- A message is now written out when it goes, from the template and the values its occasion gave, so a broadcast's
-- million messages are planned in one statement and each carries the balance of the moment it is sent.
alter table messages add column variant text;
alter table messages add column topic text;
alter table messages add column occasion jsonb not null default '{}';
alter table messages add column opened_at timestamptz;
alter table messages add column clicked_at timestamptz;
alter table messages add column unsubscribed_at timestamptz;
alter table messages drop constraint messages_status_check;
alter table messages add constraint messages_status_check check (status in ('queued', 'sent', 'failed', 'bounced', 'skipped', 'control'));
create index messages_origin on messages (program_id, origin);

-- The member's own choice beside their consents: topics they want nothing about, and at most how many marketing
-- messages a week.
create table message_preferences (
  program_id program not null,
  member_id text not null,
  muted_topics text[] not null default '{}',
  weekly_max integer check (weekly_max between 0 and 100),
  updated_at timestamptz not null,
  primary key (program_id, member_id)
);

-- How many marketing messages went out in a period: a channel's day ('email', '2026-12-05') against the programme's
-- cap, a member's week ('mem_x', '2026-W49') against their own. A slot is taken before sending, atomically, so no
-- two senders together exceed a cap.
create table message_counts (
  program_id program not null,
  scope text not null,
  period text not null,
  sent integer not null,
  primary key (program_id, scope, period)
);

-- A trigger's messages may belong to a topic the member can mute, as a broadcast's do.
alter table message_triggers add column topic text;

-- Triggers of the calendar rather than of an event: a birthday N days ahead, N days since the last purchase. Each
-- is planned once a programme-local day; `planned_on` is the last day it was.
alter table message_triggers add column days integer;
alter table message_triggers add column planned_on date;

-- A template's e-mail HTML may be written in MJML: the source is kept for editing, the HTML made from it at save.
alter table message_templates add column mjml jsonb;

-- The private key mails are signed with (DKIM), sealed under the server's key like the password.
alter table message_channels add column dkim_key text;

-- The in-app inbox: a message to it is delivered when it is written out, and the member's app marks it read.
alter table messages add column read_at timestamptz;
create index messages_inbox on messages (program_id, member_id, sent_at desc) where channel = 'inbox' and status = 'sent';
