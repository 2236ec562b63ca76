import { describe, expect, it } from 'vitest';
import { nextDailyRun } from './schedule.ts';

describe('the next daily run', () => {
  it('is at the programme-local hour, today if it is still ahead, else tomorrow', () => {
    expect(nextDailyRun(new Date('2026-12-02T23:30:00Z'), '03:00', 'Europe/Moscow').toISOString()).toBe('2026-12-03T00:00:00.000Z');
    expect(nextDailyRun(new Date('2026-12-03T00:00:00Z'), '03:00', 'Europe/Moscow').toISOString()).toBe('2026-12-04T00:00:00.000Z');
    expect(nextDailyRun(new Date('2026-12-02T12:00:00Z'), '03:00', 'Asia/Vladivostok').toISOString()).toBe('2026-12-02T17:00:00.000Z');
  });

  it('runs once on days the clocks move', () => {
    // Berlin skips 02:00-03:00 on 29 March 2026 and repeats it on 25 October.
    expect(nextDailyRun(new Date('2026-03-28T23:00:00Z'), '02:30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(nextDailyRun(new Date('2026-10-24T23:00:00Z'), '02:30', 'Europe/Berlin').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(nextDailyRun(new Date('2026-10-25T00:30:00Z'), '02:30', 'Europe/Berlin').toISOString()).toBe('2026-10-26T01:30:00.000Z');
  });
});
