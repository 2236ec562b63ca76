-- Each SMS message counts its parts reported delivered, added to under its row's lock by each receipt that
-- changes a part's state: two receipts of one message recorded at once both count, where working the count out
-- from the parts' rows would have each miss the other's.
alter table messages add column delivered_parts smallint not null default 0;
