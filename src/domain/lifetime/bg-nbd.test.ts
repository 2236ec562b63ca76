import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bgNbdLogLikelihood, expectedPurchases, expectedPurchasesOf, fitBgNbd, probabilityAlive, type BgNbd } from './bg-nbd.ts';
import { expectedSpend, fitGammaGamma } from './gamma-gamma.ts';

// The CDNOW sample the models were published with: 2,357 customers who first bought in the first quarter of 1997,
// their repeat purchases over the next 39 weeks and those purchases' mean value in dollars.
const cdnow = readFileSync(new URL('../../../test/fixtures/cdnow-summary.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((row) => {
    const [, x, tx, T, zbar] = row.split(',').map(Number) as number[];
    return { x: x!, tx: tx!, T: T!, meanSpend: zbar! };
  });

describe('BG/NBD', () => {
  it('fits the CDNOW sample to the parameters and log-likelihood Fader, Hardie & Lee (2005) report', () => {
    expect(cdnow).toHaveLength(2_357);
    expect(cdnow.reduce((a, c) => a + c.x, 0)).toBe(2_457);
    const { model, logLikelihood } = fitBgNbd(cdnow);
    // r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9,582.4 (Marketing Science 24(2), p. 279).
    expect(model.r).toBeCloseTo(0.243, 3);
    expect(model.alpha).toBeCloseTo(4.414, 2);
    expect(model.a).toBeCloseTo(0.793, 3);
    expect(model.b).toBeCloseTo(2.426, 2);
    expect(logLikelihood).toBeCloseTo(-9582.4, 1);
  });

  const m: BgNbd = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

  it('writes a history’s likelihood as the paper’s equation, checked by hand for one purchase', () => {
    // x = 1, t_x = 2, T = 10: A1·A2·(A3 + A4) with the gamma functions reduced by hand:
    // Γ(r+1)/Γ(r) = r, B(a, b+1)/B(a, b) = b/(a+b).
    const { r, alpha, a, b } = m;
    const byHand = r * alpha ** r * (b / (a + b)) * ((alpha + 10) ** -(r + 1) + (a / b) * (alpha + 2) ** -(r + 1));
    expect(bgNbdLogLikelihood(m, { x: 1, tx: 2, T: 10 })).toBeCloseTo(Math.log(byHand), 12);
  });

  it('says who is still buying: surely one who never came back yet, less so one silent for long', () => {
    expect(probabilityAlive(m, { x: 0, tx: 0, T: 39 })).toBe(1);
    const recent = probabilityAlive(m, { x: 5, tx: 38, T: 39 });
    const silent = probabilityAlive(m, { x: 5, tx: 10, T: 39 });
    expect(recent).toBeGreaterThan(0.85);
    expect(silent).toBeLessThan(0.3);
    // By hand: 1 / (1 + a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)).
    expect(silent).toBeCloseTo(1 / (1 + (m.a / (m.b + 4)) * ((m.alpha + 39) / (m.alpha + 10)) ** (m.r + 5)), 12);
  });

  it('expects purchases that grow with time and with a member’s own record', () => {
    expect(expectedPurchases(m, 0)).toBe(0);
    const year = expectedPurchases(m, 52);
    expect(year).toBeGreaterThan(expectedPurchases(m, 26));
    // With a > 1 a member makes E[1/p] = (a + b − 1)/(a − 1) repeat purchases on average before dropping out; a
    // long horizon comes close to it.
    const finite = { r: 2, alpha: 4.4, a: 3, b: 4 };
    expect(expectedPurchases(finite, 1e4)).toBeCloseTo(3, 3);
    const frequent = expectedPurchasesOf(m, { x: 10, tx: 38, T: 39 }, 39);
    const once = expectedPurchasesOf(m, { x: 1, tx: 30, T: 39 }, 39);
    expect(frequent).toBeGreaterThan(once);
    expect(expectedPurchasesOf(m, { x: 0, tx: 0, T: 39 }, 39)).toBeLessThan(once);
  });
});

describe('Gamma-Gamma', () => {
  it('fits the CDNOW repeat buyers’ mean spend to the parameters Fader, Hardie & Lee (2005) report', () => {
    const { model } = fitGammaGamma(cdnow);
    // p = 6.25, q = 3.74, γ = 15.44 (Journal of Marketing Research 42(4), from the 946 customers with repeat purchases).
    expect(model.p).toBeCloseTo(6.25, 1);
    expect(model.q).toBeCloseTo(3.74, 1);
    expect(model.gamma).toBeCloseTo(15.44, 0);
    // A member's expected spend lies between their own mean and the population's, p·γ/(q−1).
    const population = (model.p * model.gamma) / (model.q - 1);
    const spend = expectedSpend(model, { x: 2, meanSpend: 100 });
    expect(spend).toBeGreaterThan(population);
    expect(spend).toBeLessThan(100);
  });
});
