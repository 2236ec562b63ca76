-- Support finds a member by the beginning of any word of the name ("смирн", "смирнова ан"), case and ё aside.
-- Each word of a name is a row here, so a btree walks the matches already in order and a page stops after its
-- last member: a common surname among a million names costs as little as a rare one. Every row carries all the
-- words of its name between spaces, so the other words of a search are checked in the index, without a probe.
-- A trigger keeps the words in step with every write of a name, whichever code path makes it.
create table member_name_words (
  program_id program not null,
  member_id text not null,
  word text collate "C" not null,
  words text collate "C" not null,
  primary key (program_id, member_id, word),
  foreign key (program_id, member_id) references members (program_id, id) on delete cascade
);
create index member_name_words_by_word on member_name_words (program_id, word, member_id) include (words);

-- ' анна смирнова кузнецова ': lower case, ё as е, the words between single spaces.
create function member_name_spaced(name text) returns text language sql immutable as $$
  select ' ' || trim(regexp_replace(translate(lower(name), 'ё', 'е'), '[[:space:][:punct:]]+', ' ', 'g')) || ' '
$$;

create function member_name_words_sync() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' then
    delete from member_name_words where program_id = old.program_id and member_id = old.id;
  end if;
  insert into member_name_words (program_id, member_id, word, words)
  select distinct new.program_id, new.id, w, s.spaced
  from (select member_name_spaced(new.name) as spaced) s, regexp_split_to_table(trim(s.spaced), ' ') as w
  where w <> '';
  return null;
end
$$;

-- Only writes that bring a name, or change it, call the function: a member a till enrols on a card without a
-- name, and every balance update of a sale, pass by.
create trigger members_name_words_insert after insert on members
  for each row when (new.name is not null) execute function member_name_words_sync();
create trigger members_name_words_update after update of name on members
  for each row when (new.name is distinct from old.name) execute function member_name_words_sync();

insert into member_name_words (program_id, member_id, word, words)
select distinct m.program_id, m.id, w, s.spaced
from members m, member_name_spaced(m.name) as s(spaced), regexp_split_to_table(trim(s.spaced), ' ') as w
where m.name is not null and w <> '';

drop index if exists members_name_trgm;
