import { describe, expect, it } from 'vitest';
import { giveWayEvery } from './give-way.ts';

describe('giving way', () => {
  it('lets a waiting callback run once a slice of work is up, and not before', async () => {
    const giveWay = giveWayEvery(5);
    let ran = false;
    setImmediate(() => (ran = true));
    expect(giveWay()).toBeUndefined();
    const until = performance.now() + 6;
    while (performance.now() < until);
    await giveWay();
    expect(ran).toBe(true);
  });
});
