-- The dispatcher reads a subscription's oldest pending deliveries in feed order by this index.
drop index if exists webhook_deliveries_pending;
create index if not exists webhook_deliveries_due on webhook_deliveries (program_id, webhook_id, event_seq) where status = 'pending';
