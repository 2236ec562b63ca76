import { createApiKey, createProgram } from './programs.ts';
import { registerMember } from './members.ts';
import { upsertStore } from '../store/stores.ts';
import type { Deps } from './deps.ts';

/** Settings of the small programme `npm start` creates on an empty database. */
export const starterSettings = {
  earn: { kind: 'percent', percent: 5 },
  pendingDays: 14,
  expiry: { kind: 'days', days: 365 },
  maxRedemptionPercent: 50,
  earnExcluded: { categories: ['tobacco', 'alcohol'], skus: [] },
  redeemExcluded: { categories: ['tobacco', 'alcohol'], skus: [] },
  tierQualification: { metric: 'amount_spent', windowDays: 365 },
  tiers: [
    { code: 'silver', name: 'Серебряный', threshold: 0, earnMultiplier: 1, perks: 'Базовое начисление 5% / 5% back in points' },
    { code: 'gold', name: 'Золотой', threshold: 1_500_000, earnMultiplier: 1.5, perks: 'x1.5 баллов / x1.5 points' },
    { code: 'platinum', name: 'Платиновый', threshold: 5_000_000, earnMultiplier: 2, extraPercent: 1, perks: 'x2 баллов и +1% / x2 points and +1%' },
  ],
};

/** Creates a small demo programme with stores, tiers and a few members, and returns its keys (shown once). */
export async function createStarterProgram(deps: Deps) {
  const program = await createProgram(deps, { name: 'Копилка — демо', settings: starterSettings });
  if (!program.ok) throw new Error(program.message);
  const programId = program.value.id;
  const now = deps.now();
  const stores = [
    { code: 'MSK-01', name: 'Москва, Тверская', city: 'Москва', channel: 'till' as const },
    { code: 'SPB-01', name: 'Санкт-Петербург, Невский', city: 'Санкт-Петербург', channel: 'till' as const },
    { code: 'WEB', name: 'Интернет-магазин', city: null, channel: 'online' as const },
  ];
  for (const store of stores) await upsertStore(deps.db, programId, store, now);
  const people = [
    { name: 'Анна Смирнова', phone: '+79161234567', email: 'anna@example.ru', birthDate: '1990-03-14', gender: 'female' as const, city: 'Москва' },
    { name: 'Иван Петров', phone: '+79217654321', email: 'ivan@example.ru', birthDate: '1985-11-02', gender: 'male' as const, city: 'Санкт-Петербург' },
    { name: 'Ольга Кузнецова', phone: '+79031112233', email: 'olga@example.ru', birthDate: '1978-07-30', gender: 'female' as const, city: 'Москва' },
  ];
  for (const person of people) await registerMember(deps, programId, { ...person, source: 'demo', channel: 'till' });
  const admin = await createApiKey(deps.db, programId, 'admin', 'demo admin', now);
  const pos = await createApiKey(deps.db, programId, 'pos', 'demo till', now);
  return { programId, admin, pos };
}
