-- Web push: a programme's push channel keeps its VAPID key pair (the private key sealed) and the contact push
-- services may write to. The browsers that subscribed are kept per member by their push service's endpoint: one
-- member may read on a phone and a laptop, and an endpoint the service reports gone is forgotten.
alter table message_channels drop constraint message_channels_channel_check;
alter table message_channels add constraint message_channels_channel_check check (channel in ('email', 'sms', 'push'));
create table push_subscriptions (
  program_id program not null,
  endpoint text not null,
  member_id text not null,
  p256dh text not null,
  auth text not null,
  created_at timestamptz not null,
  primary key (program_id, endpoint)
);
create index push_subscriptions_member on push_subscriptions (program_id, member_id);
