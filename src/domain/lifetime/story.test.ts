import gammaFactory from '@stdlib/random-base-gamma';
import betaFactory from '@stdlib/random-base-beta';
import { describe, expect, it } from 'vitest';
import { fitBgNbd, type BgNbd, type PurchaseHistory } from './bg-nbd.ts';
import { repeatPurchases, type Draws } from './story.ts';

const seeded = (seed: number): Draws => {
  const gamma = gammaFactory.factory({ seed });
  const beta = betaFactory.factory({ seed: seed + 1 });
  return { gamma: (shape, rate) => gamma(shape, rate), beta: (a, b) => beta(a, b) };
};

describe('the BG/NBD story', () => {
  it('tells histories a fit recovers its parameters from', () => {
    const truth: BgNbd = { r: 0.5, alpha: 5, a: 0.8, b: 3 };
    const draw = seeded(2026);
    const histories: PurchaseHistory[] = [];
    for (let i = 0; i < 10_000; i++) {
      // Members who joined over half a year, watched until the end of the year; times kept to whole days.
      const T = Math.round(26 * 7 + draw.beta(1, 1) * 26 * 7) / 7;
      const times = repeatPurchases(truth, T, draw).map((t) => Math.round(t * 7) / 7);
      histories.push({ x: times.length, tx: times.at(-1) ?? 0, T });
    }
    const { model } = fitBgNbd(histories);
    // Within 10% for the buying rate's gamma, 25% for the dropout's beta, which a year of 10,000 members pins down less.
    expect(Math.abs(model.r / truth.r - 1)).toBeLessThan(0.1);
    expect(Math.abs(model.alpha / truth.alpha - 1)).toBeLessThan(0.1);
    expect(Math.abs(model.a / truth.a - 1)).toBeLessThan(0.25);
    expect(Math.abs(model.b / truth.b - 1)).toBeLessThan(0.25);
  });
});
