-- Segments: named member sets, either a rule (dynamic) or an uploaded list (static). Membership is kept as rows,
-- so campaigns and exports read it instead of evaluating a rule; a refresh writes only who entered and who left.
create table segments (
  program_id program not null references programs (id),
  code text not null,
  name text not null,
  description text not null default '',
  kind text not null check (kind in ('dynamic', 'static')),
  rule jsonb,
  version integer not null,
  size integer not null default 0,
  refreshed_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (program_id, code)
);

create table segment_members (
  program_id program not null,
  segment text not null,
  member_id text not null,
  since timestamptz not null,
  primary key (program_id, segment, member_id)
);
-- A member's segments, read with the member by the sale path.
create index segment_members_member on segment_members (program_id, member_id);

-- Each refresh's size and movement, for the segment's size history.
create table segment_sizes (
  program_id program not null,
  segment text not null,
  at timestamptz not null,
  size integer not null,
  entered integer not null,
  departed integer not null,
  primary key (program_id, segment, at)
);

-- How far in each programme's event feed the segments job has re-evaluated the members the events concern.
create table segment_feed (
  program_id program primary key references programs (id),
  seq bigint not null
);
