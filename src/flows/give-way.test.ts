import { describe, expect, it } from 'vitest';
import { giveWayEvery } from './give-way.ts';

describe('giving way', () => {
  it('lets a waiting callback run once a slice of work is up, and not before', async () => {
    let now = 0;
    const giveWay = giveWayEvery(5, () => now);
    let ran = false;
    setImmediate(() => (ran = true));
    now = 4;
    expect(giveWay()).toBeUndefined();
    expect(ran).toBe(false);
    now = 6;
    await giveWay();
    expect(ran).toBe(true);
    // The slice starts again once the work goes on.
    now = 10;
    expect(giveWay()).toBeUndefined();
  });
});
