-- A password Kopilka made (the demo owner's, `kopilka users create`) is for one sign-in: the account must choose
-- its own before it does anything else.
alter table staff add column if not exists must_change_password boolean not null default false;
