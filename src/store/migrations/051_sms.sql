-- SMS over SMPP: a programme's SMSC is a channel as its SMTP server is. A text longer than one SMS goes in parts,
-- each with the id the SMSC gave it when it took it; the SMSC's delivery receipts name those ids, and may arrive
-- before the sender has written them down, so a part is kept by its id from whichever comes first. A message is
-- delivered once every part is, undelivered once any part is reported lost.
alter table message_channels drop constraint message_channels_channel_check;
alter table message_channels add constraint message_channels_channel_check check (channel in ('email', 'sms'));
alter table messages add column parts smallint, add column delivery text check (delivery in ('delivered', 'undelivered')), add column delivered_at timestamptz;
create table sms_parts (
  program_id program not null,
  smsc_id text not null,
  message_id text,
  state text,
  primary key (program_id, smsc_id)
);
create index sms_parts_message on sms_parts (program_id, message_id);
