import { setImmediate } from 'node:timers/promises';

/**
 * Long work in the server's thread gives way to waiting requests once per `sliceMs` of running: call the returned
 * function often (per receipt, per row); it costs a clock read until the slice is up.
 */
export function giveWayEvery(sliceMs: number, clock: () => number = () => performance.now()): () => Promise<void> | undefined {
  let since = clock();
  return () => {
    if (clock() - since < sliceMs) return undefined;
    return setImmediate().then(() => void (since = clock()));
  };
}
