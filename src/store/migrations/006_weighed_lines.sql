-- A line sold by weight may be returned in part; counted units only whole. Lines stored before had decimals if weighed.
alter table receipt_lines add column if not exists weighed boolean not null default false;
update receipt_lines set weighed = true where quantity <> trunc(quantity);
