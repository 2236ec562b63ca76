-- The programme's erased members, so reports that leave them out (retention's cohorts) look up those few rather
-- than scanning every member. A sale never changes erased_at, so members' updates stay HOT.
create index members_erased on members (program_id) where erased_at is not null;
