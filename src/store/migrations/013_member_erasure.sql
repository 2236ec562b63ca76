-- When a member's personal data was erased at their request; the member stays, without it, for the ledger.
alter table members add column if not exists erased_at timestamptz;
-- Erasure clears the block reasons in a member's card events.
create index if not exists events_card_blocked on events (program_id, member_id) where type = 'card.blocked';
