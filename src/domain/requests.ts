/**
 * A request is told from another by the first 128 bits of the SHA-256 of its content (`requestHash`): a receipt keeps
 * 16 bytes rather than 32. What was kept before holds all 256 bits, of which the first 128 are compared.
 */
export const REQUEST_HASH_HEX = 32;

/** Whether the request now is the one whose hash was kept. */
export const sameRequest = (kept: string, hash: string): boolean => kept.slice(0, REQUEST_HASH_HEX) === hash;
