-- Each grant and withdrawal of a member's consent to marketing on a channel, with its evidence: an advertiser must
-- prove the member agreed beforehand (38-FZ, art. 18). `members.consents` keeps the current state; every change of it
-- writes its records in the same transaction. Erasure withdraws what was granted and clears the IP addresses, and
-- the records stay, without anything that names the member.
create table consent_records (
  program_id program not null,
  id text not null,
  member_id text not null,
  channel text not null check (channel in ('email', 'sms', 'push')),
  granted boolean not null,
  at timestamptz not null,
  via text not null,
  wording text,
  store_code text,
  ip text,
  actor text not null,
  primary key (program_id, id)
);
create index consent_records_member on consent_records (program_id, member_id, at);
