import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.ts';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));
const MIGRATION_LOCK = 4_711_001;

/** Applies the numbered SQL files not yet applied, each in its own transaction; safe to run from several processes. */
export async function migrate(db: Db): Promise<string[]> {
  const files = readdirSync(migrationsDir).filter((f) => f.endsWith('.sql')).sort();
  const applied: string[] = [];
  for (const name of files) {
    const done = await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await tx.query('create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null)');
      const seen = await tx.query('select 1 from schema_migrations where name = $1', [name]);
      if (seen.length > 0) return false;
      for (const statement of splitStatements(readFileSync(migrationsDir + name, 'utf8'))) await tx.query(statement);
      await tx.query('insert into schema_migrations (name, applied_at) values ($1, now())', [name]);
      return true;
    });
    if (done) applied.push(name);
  }
  return applied;
}

// Migrations are statements separated by semicolons at line ends; a $$-quoted body (a DO block) is one statement.
function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let pending = '';
  for (const part of sql.replace(/--.*$/gm, '').split(/;\s*$/m)) {
    pending += part;
    if ((pending.match(/\$\$/g) ?? []).length % 2 === 1) pending += ';\n';
    else {
      statements.push(pending.trim());
      pending = '';
    }
  }
  return statements.filter(Boolean);
}
