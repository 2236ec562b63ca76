-- A trigger's conditions: only members of a segment, only members of some tiers; the templates on other channels
-- to fall back on, in order, for a member the first cannot reach; and its own frequency: at most one of its
-- messages to a member in so many days.
alter table message_triggers
  add column segment text,
  add column tiers text[] not null default '{}',
  add column fallbacks text[] not null default '{}',
  add column once_in_days integer;
