-- Support finds a member by part of the name: a trigram index answers "смирн" among a million names.
create extension if not exists pg_trgm;
create index if not exists members_name_trgm on members using gin (lower(name) gin_trgm_ops) where name is not null;
