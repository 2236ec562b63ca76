-- The block ranges of the entries' time index are summed up as they fill, not only when the table is vacuumed: a
-- range not summed yet matches every query, so after a bulk load a points report read the whole journal.
alter index journal_entries_created set (autosummarize = on);
