-- When the member was told that a lot's points expire soon: each lot is noticed once.
alter table lots add column if not exists expiry_noticed_at timestamptz;
