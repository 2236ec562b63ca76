-- The categories of a receipt's lines, as the sale named them (a catalogue's names never change), so a segment's
-- "bought in a category" reads a short array of each receipt in its window instead of parsing every line. Receipts
-- written before it have none (null): their lines are read as before.
alter table receipts add column if not exists categories text[];
