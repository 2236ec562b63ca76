-- A sale reads a member's pending lots by this index, not among all their open lots.
create index if not exists lots_pending on lots (program_id, member_id) where state = 'pending' and remaining > 0;
