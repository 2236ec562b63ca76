import { catalogue } from '../src/demo/catalogue.ts';
import { demoCategories, manyCampaigns } from '../src/demo/campaigns.ts';
import { parseRuleSet } from '../src/domain/rules/campaign.ts';
import { noUsage, type RuleContext } from '../src/domain/rules/context.ts';
import { compileRuleSet } from '../src/domain/rules/engine.ts';
import { starterSettings } from '../src/demo/settings.ts';
import { priceReceipt, type ReceiptLine } from '../src/domain/pricing.ts';
import { settingsSchema } from '../src/domain/settings.ts';

/** Receipts per second the pure pricing engine prices on one core (no I/O), on receipts of 1-20 lines. */
export function evaluationsPerSecond(seconds: number): number {
  const settings = settingsSchema.parse(starterSettings);
  const tier = settings.tiers[1] ?? null;
  const receipts: ReceiptLine[][] = Array.from({ length: 1000 }, (_, n) =>
    Array.from({ length: 1 + (n % 20) }, (_, i) => {
      const p = catalogue[(n * 7 + i * 13) % catalogue.length]!;
      return { sku: p.sku, category: p.category, quantity: 1, price: p.price, discount: 0, amount: p.price, isReward: false };
    }),
  );
  let count = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  while (performance.now() < deadline)
    for (const lines of receipts) {
      priceReceipt({ lines, settings, tier, pointsToSpend: 5, availablePoints: 1000 });
      count += 1;
    }
  return count / ((performance.now() - started) / 1000);
}

/** Receipt evaluations per second on one core with `campaigns` published campaigns (conditions, effects, limits). */
export function ruleEvaluationsPerSecond(seconds: number, campaigns: number): number {
  const settings = settingsSchema.parse(starterSettings);
  const parsed = parseRuleSet(manyCampaigns(campaigns), {
    categories: new Set(demoCategories.map((c) => c.code)),
    tiers: new Set(settings.tiers.map((t) => t.code)),
    stores: new Set(),
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const rules = compileRuleSet(parsed.ruleSet);
  const receipts = Array.from({ length: 1000 }, (_, n) => {
    const lines: ReceiptLine[] = Array.from({ length: 1 + (n % 20) }, (_, i) => {
      const p = catalogue[(n * 7 + i * 13) % catalogue.length]!;
      return { sku: p.sku, category: p.category, quantity: 1 + (i % 3), price: p.price, discount: 0, amount: p.price * (1 + (i % 3)), isReward: false };
    });
    const context: RuleContext = {
      at: new Date(Date.UTC(2026, 2, 1 + (n % 28), 6 + (n % 12))),
      timezone: settings.timezone,
      rounding: settings.rounding,
      pointValue: settings.pointValue,
      storeCode: 'MSK-TVER',
      channel: 'till',
      lines,
      pointsToSpend: 0,
      event: null,
      member: { id: `mem_${n % 300}`, tierCode: settings.tiers[n % 3]!.code, birthDate: `19${50 + (n % 50)}-03-${String(1 + (n % 28)).padStart(2, '0')}`, joinedAt: new Date('2025-01-01'), attributes: { age: 20 + (n % 60), big_family: n % 10 === 0 }, purchases: n % 40, segments: [] },
      couponFor: new Set(),
      usage: () => noUsage,
      budgetLeft: () => ({ points: 1_000_000, discount: null }),
    };
    return { lines, context };
  });
  // Half a second untimed first, so the figure is the optimised code's and not the compiler's warm-up.
  for (const until = performance.now() + 500; performance.now() < until; )
    for (const { lines, context } of receipts.slice(0, 100))
      priceReceipt({ lines, settings, tier: settings.tiers[0] ?? null, pointsToSpend: 0, availablePoints: 1000, campaigns: { rules, context } });
  let count = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  while (performance.now() < deadline)
    for (const { lines, context } of receipts) {
      priceReceipt({ lines, settings, tier: settings.tiers[0] ?? null, pointsToSpend: 0, availablePoints: 1000, campaigns: { rules, context } });
      count += 1;
    }
  return count / ((performance.now() - started) / 1000);
}
