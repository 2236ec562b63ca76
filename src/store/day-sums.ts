// Reports read whole closed days from their daily sums (receipt_days, points_days) and the rest from the source rows.

/**
 * The CTEs `summed` (the daily sums of `table` for whole days of the period $2–$3 of programme $1 in time zone $4)
 * and `gaps` (the stretches s–e of the period no sum covers: its ends, the last days, a day reopened).
 */
export const summedAndGaps = (table: 'receipt_days' | 'points_days') => `summed as (
       select * from ${table} where program_id = $1 and timezone = $4 and starts_at >= $2 and ends_at <= $3),
     gaps as (
       select s, e from (
         select coalesce(lag(ends_at) over (order by starts_at), $2) as s, starts_at as e from summed
         union all select coalesce(max(ends_at), $2), $3 from summed) g
       where s < e)`;
