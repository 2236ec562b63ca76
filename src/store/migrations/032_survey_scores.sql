-- The NPS report reads the survey actions of a period; they are a small part of all actions.
create index member_events_surveys on member_events (program_id, occurred_at) where type = 'survey';
