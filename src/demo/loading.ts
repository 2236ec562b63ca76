import { hostname } from 'node:os';
import type { Deps } from '../flows/deps.ts';
import { processAlive } from '../store/data-dir-lock.ts';
import { loadingPrograms, setLoading } from '../store/programs.ts';

/** The process loading a demo, as `host:pid`. */
export const loader = `${hostname()}:${process.pid}`;

/**
 * Opens the programmes whose demo load a process of this machine left unfinished (stopped, killed or crashed), so
 * they take writes again with the history they have; returns their ids. A load by a live process is left alone.
 */
export async function closeAbandonedLoads(deps: Deps): Promise<string[]> {
  const abandoned: string[] = [];
  for (const { id, by } of await loadingPrograms(deps.db)) {
    const [host, pid] = (by ?? '').split(':');
    if (host !== hostname() || (pid && pid !== String(process.pid) && processAlive(Number(pid)))) continue;
    await setLoading(deps.db, id, null);
    abandoned.push(id);
  }
  return abandoned;
}

