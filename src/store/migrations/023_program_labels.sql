-- A programme's id is a label of the enum type `program`: PostgreSQL keeps it in 4 bytes in every row and key that
-- names the programme (a receipt, its journal entries and lots, and their indexes), where the text took 31, and
-- queries and the API still read and write it as the same text. A new programme adds its label before its row
-- (src/store/programs.ts). Views and foreign keys over the columns are set aside while the columns change type.
do $$
declare
  item record;
begin
  execute (select format('create type program as enum (%s)', coalesce(string_agg(quote_literal(id), ', ' order by created_at, id), ''))
             from programs);
  create temporary table set_aside (kind text, name text, owner text, definition text, n serial) on commit drop;
  insert into set_aside (kind, name, owner, definition)
    select 'view', c.relname, null, pg_get_viewdef(c.oid) from pg_class c
     where c.relnamespace = 'public'::regnamespace and c.relkind = 'v' order by c.oid;
  insert into set_aside (kind, name, owner, definition)
    select 'key', conname, conrelid::regclass::text, pg_get_constraintdef(oid) from pg_constraint
     where connamespace = 'public'::regnamespace and contype = 'f' order by oid;
  for item in select * from set_aside order by n desc loop
    if item.kind = 'view' then execute format('drop view %I', item.name);
    else execute format('alter table %s drop constraint %I', item.owner, item.name);
    end if;
  end loop;
  for item in select c.table_name from information_schema.columns c join information_schema.tables t using (table_schema, table_name)
               where c.table_schema = 'public' and c.column_name = 'program_id' and t.table_type = 'BASE TABLE' loop
    execute format('alter table %I alter column program_id type program using program_id::program', item.table_name);
  end loop;
  alter table programs alter column id type program using id::program;
  for item in select * from set_aside order by n loop
    if item.kind = 'view' then execute format('create view %I as %s', item.name, item.definition);
    else execute format('alter table %s add constraint %I %s', item.owner, item.name, item.definition);
    end if;
  end loop;
end
$$;
