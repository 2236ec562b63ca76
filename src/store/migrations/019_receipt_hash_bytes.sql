-- A receipt's request hash (SHA-256) as its 32 bytes rather than 64 hex digits.
alter table receipts alter column request_hash type bytea using decode(request_hash, 'hex');
