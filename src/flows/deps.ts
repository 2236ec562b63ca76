import type { Db } from '../store/db.ts';

/** What every flow is given: the database and the clock (never `new Date()` inside a flow). */
export interface Deps {
  db: Db;
  now: () => Date;
}
