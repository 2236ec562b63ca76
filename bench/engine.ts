import { catalogue } from '../src/demo/catalogue.ts';
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
