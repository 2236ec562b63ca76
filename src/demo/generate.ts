import { setImmediate } from 'node:timers/promises';
import { Faker, base, en, generateMersenne53Randomizer, ru } from '@faker-js/faker';
import betaFactory from '@stdlib/random-base-beta';
import gammaFactory from '@stdlib/random-base-gamma';
import { luhnCheckDigit } from '../domain/cards.ts';
import { systemPrincipal } from '../domain/access.ts';
import { confirmMany } from '../flows/batch.ts';
import type { Deps } from '../flows/deps.ts';
import { createApiKey, createProgram } from '../flows/programs.ts';
import type { ReceiptInput } from '../flows/receipts.ts';
import { recordAction } from '../flows/actions.ts';
import { cancelReceipt, returnLines } from '../flows/returns.ts';
import { runJob } from '../jobs/jobs.ts';
import { sequenceEvents } from '../store/events.ts';
import { newId, withIdSource } from '../store/ids.ts';
import { insertMembers } from '../store/members.ts';
import { recordConsents } from '../store/consents.ts';
import { consentChanges, noConsents } from '../domain/consents.ts';
import { setLoading } from '../store/programs.ts';
import { loader } from './loading.ts';
import { refreshStatistics } from '../store/statistics.ts';
import { upsertStore, type Store } from '../store/stores.ts';
import { upsertCategory } from '../store/rules.ts';
import { publishRules } from '../flows/rules.ts';
import { createStaff } from '../flows/staff.ts';
import { demoCategories, demoRules } from './campaigns.ts';
import { catalogue, categoryWeights, type Product } from './catalogue.ts';
import { starterSettings } from './settings.ts';

export interface DemoOptions {
  members: number;
  months: number;
  seed: number;
  /** The end of the generated history (the programme's "today"). */
  until: Date;
  /** Called after each batch with receipts confirmed so far and the expected total. */
  progress?: (done: number, expected: number) => void;
}

export interface DemoProgramme {
  programId: string;
  adminKey: string;
  posKey: string;
  /** The programme owner's console account and its one-time password. */
  owner: { email: string; password: string };
}

export interface DemoReport {
  members: number;
  receipts: number;
  refused: number;
  returns: number;
  cancels: number;
}

/** The demo programme itself: settings with tiers, stores in several cities, an admin and a till key. */
export async function createDemoProgramme(deps: Deps, at: Date): Promise<DemoProgramme> {
  const program = await createProgram({ db: deps.db, now: () => at }, { name: 'Продуктовая сеть «Копилка» (демо)', settings: starterSettings });
  if (!program.ok) throw new Error(program.message);
  const programId = program.value.id;
  // Until its history is in, the programme takes no live writes and no scheduled jobs: the history stays a function of its seed.
  await setLoading(deps.db, programId, deps.now(), loader);
  for (const store of stores) await upsertStore(deps.db, programId, store, at);
  for (const category of demoCategories) await upsertCategory(deps.db, programId, { ...category, parent: null }, at);
  const adminKey = (await createApiKey(deps.db, programId, 'admin', 'demo admin', at)).secret;
  const posKey = (await createApiKey(deps.db, programId, 'pos', 'demo till', at)).secret;
  return { programId, adminKey, posKey, owner: await demoOwner(deps, programId) };
}

/** The owner's account: owner@kopilka.demo, or a name of its own when another demo programme has that one. */
async function demoOwner(deps: Deps, programId: string) {
  for (const email of ['owner@kopilka.demo', `owner.${programId.slice(-8).toLowerCase()}@kopilka.demo`]) {
    const created = await createStaff(deps, programId, { email, name: 'Владелец программы', role: 'owner' }, systemPrincipal('demo'));
    if (created.ok) return { email, password: created.value.password as string };
    if (created.code !== 'email_taken') throw new Error(created.message);
  }
  throw new Error('no e-mail is free for the demo owner');
}

/**
 * Publishes the demo campaigns (double points on coffee, birthday gift, big families, pensioners' mornings...).
 * Done after the history is loaded: the history is the programme's past, priced by its plain earning rules,
 * and the campaigns are what a marketer would compare against it with a backtest.
 */
export async function publishDemoCampaigns(deps: Deps, programId: string) {
  const published = await publishRules(deps, programId, demoRules(deps.now().getUTCFullYear()), 'demo');
  if (!published.ok) throw new Error(published.message);
  return published.value.version;
}

const stores: Store[] = [
  { code: 'MSK-TVER', name: 'Москва, Тверская, 12', city: 'Москва', channel: 'till' },
  { code: 'MSK-ARBAT', name: 'Москва, Арбат, 24', city: 'Москва', channel: 'till' },
  { code: 'MSK-MARINO', name: 'Москва, Марьино, ТЦ «Брат»', city: 'Москва', channel: 'till' },
  { code: 'SPB-NEVSKY', name: 'Санкт-Петербург, Невский, 88', city: 'Санкт-Петербург', channel: 'till' },
  { code: 'SPB-VASKA', name: 'Санкт-Петербург, Васильевский остров', city: 'Санкт-Петербург', channel: 'till' },
  { code: 'KZN-BAUMAN', name: 'Казань, Баумана, 5', city: 'Казань', channel: 'till' },
  { code: 'EKB-LENINA', name: 'Екатеринбург, проспект Ленина, 40', city: 'Екатеринбург', channel: 'till' },
  { code: 'NSK-KRASNY', name: 'Новосибирск, Красный проспект, 30', city: 'Новосибирск', channel: 'till' },
  { code: 'NNV-POKR', name: 'Нижний Новгород, Покровская, 7', city: 'Нижний Новгород', channel: 'till' },
  { code: 'ONLINE', name: 'Интернет-магазин', city: null, channel: 'online' },
  { code: 'APP', name: 'Мобильное приложение', city: null, channel: 'app' },
];

/** Shopping through the year: a December peak, a summer dip. */
const season = [0.9, 0.85, 0.95, 0.95, 1.0, 0.92, 0.88, 0.93, 1.0, 1.05, 1.1, 1.4];
const channels = [
  { value: 'till', weight: 60 },
  { value: 'online', weight: 20 },
  { value: 'app', weight: 15 },
  { value: 'friend', weight: 5 },
];
const DAY = 86_400_000;
/** The demo's receipts, returns and cancels record `demo` as the one who made them. */
const demo = systemPrincipal('demo');
const BATCH = 1000;

/**
 * How the demo's members buy: by the BG/NBD story (Fader, Hardie & Lee 2005), told in days. Each member buys at a
 * rate of their own, gamma-distributed with shape 1.5 and a mean of 0.085 purchases a day (one in twelve days on
 * average; from one in two months to several a week), and after each purchase leaves for good with a chance of
 * their own, beta-distributed with a = 2, b = 60 (3% on average: some thirty purchases in a member's life). What
 * they spend per purchase varies around a mean of their own, as Gamma-Gamma tells it: their baskets' size is
 * scaled by a factor drawn from a gamma with shape 4 and mean 1. December sells 1.4 times a June day, and in the
 * coffee week (double points on coffee and tea, 2–8 March) members come 1.3 times as often and six in ten
 * baskets carry coffee or tea. One receipt in sixty brings back a survey scored 0–10, kinder from frequent buyers.
 */
export const demoBuying = { rateShape: 1.5, meanPerDay: 0.085, dropoutA: 2, dropoutB: 60, appetiteShape: 4, surveyChance: 1 / 60 };

interface DemoMember {
  id: string;
  card: string;
  since: number;
  /** Purchases a day while they still buy. */
  perDay: number;
  /** The chance of leaving after each purchase. */
  dropout: number;
  /** Left the programme for good: buys no more. */
  gone: boolean;
  /** Scales the size of their baskets. */
  appetite: number;
  store: Store;
  categories: Record<string, number>;
  available: number;
}

/**
 * A deterministic retailer (same seed, same programme): stores in several cities, a catalogue, members with
 * Russian names, and months of receipts with seasonality, basket sizes, repeat visits, redemptions and returns.
 * Receipts go through the bulk path (the one POST /v1/receipts/batch uses), in time order, with the clock
 * following the history so lots activate and expire and tiers move as they would have.
 */
export async function generateDemo(deps: Deps, programId: string, options: DemoOptions): Promise<DemoReport> {
  try {
    return await loadHistory(deps, programId, options);
  } finally {
    await setLoading(deps.db, programId, null);
  }
}

async function loadHistory(deps: Deps, programId: string, options: DemoOptions): Promise<DemoReport> {
  // A generator of its own: nothing else drawing random numbers meanwhile can change the history.
  const faker = new Faker({ locale: [ru, en, base], seed: options.seed });
  // Days run from midnight to midnight in Moscow (UTC+3).
  const end = Math.floor(options.until.getTime() / DAY) * DAY - 3 * 3_600_000;
  const start = end - options.months * 30 * DAY;
  let clock = new Date(start);
  const sim: Deps = { db: deps.db, now: () => clock };
  // Ids too come from the seed, timed by the history's clock: two loads are equal to the byte.
  const ids = generateMersenne53Randomizer(options.seed);
  return withIdSource({ random: () => ids.next(), now: () => clock }, async () => {
    const members = await enrolMembers(sim, faker, programId, options.members, start, end);
    // Purchases until the history ends or the member leaves, whichever comes first, plus anonymous ones.
    const expected = Math.round(members.reduce((a, m) => a + Math.min(((end - Math.max(m.since, start)) / DAY) * m.perDay, 1 / m.dropout), 0) * 1.1);
    const report: DemoReport = { members: members.length, receipts: 0, refused: 0, returns: 0, cancels: 0 };
    const returnsDue = new Map<number, { receiptId: string; lineNo: number; quantity: number }[]>();
    const surveys: { member: DemoMember; at: Date }[] = [];
    let serial = 0;

    for (let day = start; day < end; day += DAY) {
      const moscow = new Date(day + 3 * 3_600_000);
      const month = moscow.getUTCMonth();
      const coffeeWeek = month === 2 && moscow.getUTCDate() >= 2 && moscow.getUTCDate() <= 8;
      const pull = (season[month] as number) * (coffeeWeek ? 1.3 : 1);
      if (moscow.getUTCDate() === 1) {
        clock = new Date(day);
        await runJob(sim, 'tier-review', programId);
      }
      const today: { receipt: ReceiptInput; member: DemoMember | null }[] = [];
      for (const member of members) {
        if (member.gone || member.since > day || faker.number.float() >= member.perDay * pull) continue;
        today.push({ receipt: basket(faker, member, day, ++serial, coffeeWeek), member });
      }
      const anonymous = Math.round(today.length * 0.1);
      for (let i = 0; i < anonymous; i++) today.push({ receipt: basket(faker, null, day, ++serial, coffeeWeek), member: null });
      today.sort((a, b) => (a.receipt.purchasedAt as Date).getTime() - (b.receipt.purchasedAt as Date).getTime());

      for (let i = 0; i < today.length; i += BATCH) {
        // A bulk load outgrows the planner's picture of the tables within a day: a table that grew by a fifth since
        // it was last measured is measured again, as autovacuum would. A plan made while the members' lots were few
        // scans them whole for every receipt (the first day of a million members ran at 50 receipts/s).
        await refreshStatistics(deps.db);
        const chunk = today.slice(i, i + BATCH);
        clock = chunk[chunk.length - 1]?.receipt.purchasedAt as Date;
        const outcomes = await confirmMany(sim, programId, chunk.map((c) => c.receipt), demo);
        outcomes.forEach((outcome, k) => {
          const { member, receipt } = chunk[k] as (typeof chunk)[number];
          if (!outcome.ok) return void (report.refused += 1);
          report.receipts += 1;
          if (member && outcome.value.balance) member.available = outcome.value.balance.available;
          if (member && faker.number.float() < demoBuying.surveyChance) surveys.push({ member, at: receipt.purchasedAt as Date });
          if (member && faker.number.float() < member.dropout) member.gone = true;
          const roll = faker.number.float();
          if (roll < 0.004) returnsDue.set(day, [...(returnsDue.get(day) ?? []), { receiptId: outcome.value.id, lineNo: 0, quantity: 0 }]);
          else if (roll < 0.035) {
            const lineNo = faker.number.int({ min: 1, max: receipt.lines.length });
            const line = receipt.lines[lineNo - 1] as ReceiptInput['lines'][number];
            const quantity = Number.isInteger(line.quantity) ? faker.number.int({ min: 1, max: line.quantity }) : line.quantity;
            const due = day + faker.number.int({ min: 1, max: 10 }) * DAY;
            returnsDue.set(due, [...(returnsDue.get(due) ?? []), { receiptId: outcome.value.id, lineNo, quantity }]);
          }
        });
        options.progress?.(report.receipts + report.refused, Math.max(expected, report.receipts + report.refused));
        // The server loading its own demo answers requests between chunks.
        await setImmediate();
      }

      clock = new Date(day + DAY - 60_000);
      for (const r of returnsDue.get(day) ?? []) {
        const done = r.lineNo === 0
          ? await cancelReceipt(sim, programId, r.receiptId, demo)
          : await returnLines(sim, programId, r.receiptId, { lines: [{ lineNo: r.lineNo, quantity: r.quantity }] }, demo);
        if (done.ok) report[r.lineNo === 0 ? 'cancels' : 'returns'] += 1;
      }
      returnsDue.delete(day);
      for (const { member, at } of surveys.splice(0)) {
        // Frequent buyers recommend the shop more: a score around 6 to 9 by their rate, spread by two points.
        const lean = 6 + 3 * Math.min(1, member.perDay / (2 * demoBuying.meanPerDay));
        const score = Math.max(0, Math.min(10, Math.round(lean + (faker.number.float() + faker.number.float() - 1) * 4)));
        await recordAction(sim, programId, { id: `survey-${member.id}-${at.getTime()}`, memberId: member.id, type: 'survey', occurredAt: at, attributes: { score } });
      }
      // The day's events take their places in the feed, which keeps a month of them: as a server's sequencer and
      // daily clean-up would have left it.
      while ((await sequenceEvents(deps.db)) > 0);
      await runJob(sim, 'event-retention', programId);
    }
    clock = new Date(end);
    await runJob(sim, 'activation', programId);
    await runJob(sim, 'expiry', programId);
    await runJob(sim, 'daily-totals', programId);
    return report;
  });
}

async function enrolMembers(deps: Deps, faker: Faker, programId: string, count: number, start: number, end: number): Promise<DemoMember[]> {
  const members: DemoMember[] = [];
  // The story's draws come from the demo's own generator, so the seed decides them too.
  const prng = () => faker.number.float();
  const gamma = gammaFactory.factory({ prng });
  const beta = betaFactory.factory({ prng });
  const { rateShape, meanPerDay, dropoutA, dropoutB, appetiteShape } = demoBuying;
  const phones = new Set<string>();
  const emails = new Set<string>();
  for (let offset = 0; offset < count; offset += BATCH) {
    const rows = [];
    for (let i = offset; i < Math.min(count, offset + BATCH); i++) {
      // The first member is the one the README's tour looks up.
      const sex = i === 0 ? 'female' : faker.helpers.arrayElement(['female', 'male'] as const);
      const first = i === 0 ? 'Анна' : faker.person.firstName(sex);
      const last = i === 0 ? 'Смирнова' : faker.person.lastName(sex);
      let phone = i === 0 ? '+79161234567' : '';
      while (!phone || phones.has(phone)) phone = `+79${faker.string.numeric(9)}`;
      phones.add(phone);
      // Four in ten were members before the history starts; the rest join along the way.
      const since = faker.number.float() < 0.4 || end - start < 2 * DAY ? start - faker.number.int({ min: 1, max: 700 }) * DAY : faker.number.int({ min: start, max: end - DAY });
      const store = faker.helpers.weightedArrayElement(stores.map((s, k) => ({ value: s, weight: k < 3 ? 4 : s.channel === 'till' ? 2 : 1.5 })));
      const body = `7770${String(i + 1).padStart(11, '0')}`;
      const member: DemoMember = {
        id: newId('mem'),
        card: body + luhnCheckDigit(body),
        since,
        perDay: gamma(rateShape, rateShape / meanPerDay),
        dropout: beta(dropoutA, dropoutB),
        gone: false,
        appetite: gamma(appetiteShape, appetiteShape),
        store,
        categories: Object.fromEntries(Object.entries(categoryWeights).map(([c, w]) => [c, w * faker.number.float({ min: 0.3, max: 2 })])),
        available: 0,
      };
      members.push(member);
      rows.push({
        id: member.id,
        cardNumber: member.card,
        externalId: null,
        phone,
        email: faker.number.float() < 0.7 ? uniqueEmail(emails, faker.internet.email({ firstName: translit(first), lastName: translit(last) }).toLowerCase()) : null,
        name: `${first} ${last}`,
        birthDate: faker.date.birthdate({ min: 18, max: 80, mode: 'age', refDate: new Date(end) }).toISOString().slice(0, 10),
        gender: sex,
        city: store.city ?? faker.helpers.arrayElement(['Москва', 'Санкт-Петербург', 'Казань', 'Екатеринбург']),
        attributes: { children: faker.number.int({ min: 0, max: 3 }), pets: faker.datatype.boolean(0.3) },
        source: faker.helpers.weightedArrayElement(channels),
        channel: store.channel,
        consents: { email: faker.datatype.boolean(0.6), sms: faker.datatype.boolean(0.5), push: faker.datatype.boolean(0.4) },
        tierCode: 'silver',
        createdAt: new Date(since),
      });
    }
    await insertMembers(deps.db, programId, rows);
    // Each consent granted at joining, with its evidence: the store, or the website, and the wording of that time.
    const granted = rows.flatMap((row, k) => {
      const { store } = members[offset + k] as DemoMember;
      const evidence = { via: store.channel === 'till' ? 'till' : 'website', wording: 'demo-2024', storeCode: store.code, ip: null } as const;
      return consentChanges(row.id, noConsents, row.consents, evidence, row.createdAt, 'demo', () => newId('cns'));
    });
    await recordConsents(deps.db, programId, granted);
    await setImmediate();
  }
  return members;
}

function basket(faker: Faker, member: DemoMember | null, day: number, serial: number, coffeeWeek: boolean): ReceiptInput {
  const store = member && faker.number.float() < 0.8 ? member.store : faker.helpers.arrayElement(stores);
  const hour = store.channel === 'till' ? faker.number.int({ min: 8, max: 21 }) : faker.number.int({ min: 0, max: 23 });
  const purchasedAt = new Date(day + hour * 3_600_000 + faker.number.int({ min: 0, max: 3_599_999 }));
  const size = Math.min(20, 1 + Math.floor(-Math.log(1 - faker.number.float()) * 4.5 * (member?.appetite ?? 1)));
  const weights = member?.categories ?? categoryWeights;
  const chosen = new Map<string, Product>();
  for (let i = 0; i < size; i++) {
    const category = faker.helpers.weightedArrayElement(Object.entries(weights).map(([value, weight]) => ({ value, weight })));
    const product = faker.helpers.arrayElement(catalogue.filter((p) => p.category === category));
    chosen.set(product.sku, product);
  }
  if (coffeeWeek && faker.number.float() < 0.6) {
    const drink = faker.helpers.arrayElement(catalogue.filter((p) => p.sku === 'COFFEE' || p.sku === 'TEA'));
    chosen.set(drink.sku, drink);
  }
  const lines = [...chosen.values()].map((product) => {
    const quantity = product.weighed ? faker.number.int({ min: 150, max: 2500 }) / 1000 : faker.helpers.weightedArrayElement([{ value: 1, weight: 8 }, { value: 2, weight: 2 }, { value: 3, weight: 1 }]);
    const amount = Math.round((product.price * Math.round(quantity * 1000)) / 1000);
    return { sku: product.sku, name: product.name, category: product.category, quantity, price: product.price, discount: 0, amount, isReward: false, weighed: product.weighed };
  });
  const total = lines.reduce((a, l) => a + l.amount, 0);
  let pointsToSpend = 0;
  if (member && member.available >= 100 && faker.number.float() < 0.45) {
    const redeemable = lines.filter((l) => l.category !== 'alcohol' && l.category !== 'tobacco').reduce((a, l) => a + Math.floor(l.amount / 2 / 100), 0);
    pointsToSpend = Math.min(member.available, redeemable, Math.max(1, Math.round(member.available * faker.number.float({ min: 0.3, max: 1 }))));
    member.available -= pointsToSpend;
  }
  return {
    storeCode: store.code,
    number: `${String(serial).padStart(9, '0')}`,
    purchasedAt,
    member: member ? { cardNumber: member.card } : undefined,
    lines,
    total,
    pointsToSpend,
  };
}

/** Namesakes share a generated address: the second one gets a number, as people do. */
function uniqueEmail(taken: Set<string>, email: string): string {
  const [user, domain] = email.split('@');
  let candidate = email;
  for (let n = 2; taken.has(candidate); n++) candidate = `${user}${n}@${domain}`;
  taken.add(candidate);
  return candidate;
}

const letters: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o',
  п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};
const translit = (s: string) => [...s.toLowerCase()].map((c) => letters[c] ?? c).join('');
