-- The campaigns list says what each campaign has given: an index-only sum over its grants still in force.
create index if not exists campaign_grants_by_campaign on campaign_grants (program_id, campaign) include (points, discount) where reversed_at is null;
