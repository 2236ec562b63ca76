-- Stored answers to Idempotency-Keys are pruned by age (the idempotency job).
create index if not exists idempotency_keys_created on idempotency_keys (created_at);
