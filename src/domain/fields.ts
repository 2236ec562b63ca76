import { z } from 'zod';

/** The shape of every code a programme names things by: tiers, categories, SKUs, campaigns, stores. */
export const codeSchema = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, "_", "-" or "." (1-64)');

/** A time of day, HH:MM. */
export const clockSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

/** A moment in ISO 8601 with its offset. */
export const instantSchema = z.iso.datetime({ offset: true, message: 'an ISO 8601 date-time with an offset, e.g. 2026-06-01T00:00:00+03:00' });
