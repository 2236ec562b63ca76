-- The quintile cuts RFM scores a programme's buyers against, taken once a day by the daily-totals job: quintiles
-- are a measure of the whole programme, so the grid and the segments read a member's three values against twelve
-- numbers instead of sorting every buyer on each call. `cuts` holds recency (the last purchase's day in `timezone`,
-- counted from 2000-01-01), frequency and money, four cuts each; `taken_on` is the programme's day they were taken.
create table rfm_cuts (
  program_id program primary key,
  timezone text not null,
  taken_on date not null,
  buyers integer not null,
  cuts bigint[] not null
);
