import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemPrincipal } from '../src/domain/access.ts';
import { createProgram } from '../src/flows/programs.ts';
import { createStaff } from '../src/flows/staff.ts';
import type { Db } from '../src/store/db.ts';
import { consoleServer, expectAccessible, launchBrowser, screenshot, screenshotDir } from './browser.ts';
import { loadSettings } from '../src/store/programs.ts';
import { openTestDb } from './harness.ts';
import { startSmppPeer } from './smpp-peer.ts';
import { smtpPeer } from './smtp-peer.ts';

let db: Db;
let browser: Browser;
let server: Awaited<ReturnType<typeof consoleServer>>;
/** The receipt the marketer's campaign priced, which support later returns in part. */
let saleNumber = '';

beforeAll(async () => {
  db = await openTestDb();
  server = await consoleServer(db);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
});

/** A fresh browser at the console's door, at a laptop's size. */
async function openConsole(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'ru-RU', timezoneId: 'UTC' });
  const page = await context.newPage();
  await page.goto(server.url + '/');
  return page;
}

/** A staff account of the programme with the given role, and its password. */
async function staffMember(programId: string, role: 'owner' | 'marketer' | 'support' | 'analyst', password = 'long enough password 1') {
  const email = `${role}.${Math.random().toString(36).slice(2)}@shop.test`;
  const made = await createStaff(server.deps, programId, { email, name: `Сотрудник (${role})`, role, password }, systemPrincipal('test'));
  if (!made.ok) throw new Error(made.message);
  return { email, password };
}

/** The API as the demo's till or admin calls it. */
async function callApi(method: string, path: string, key: string, body?: unknown) {
  const res = await fetch(server.url + path, { method, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
}

const pad = (n: number) => String(n).padStart(2, '0');
/** A moment as a datetime-local input takes it, in the browser's (UTC) time. */
const localInput = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('Электронная почта').fill(email);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
}

describe('the staff console', () => {
  it('the owner signs in, finds the demo member by phone, adds points with a reason and sees the new balance and the entry', async () => {
    const page = await openConsole();
    await expect.poll(() => page.url()).toMatch(/\/console\/$/);
    await page.getByRole('heading', { name: 'Вход в консоль' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'sign-in');

    await signIn(page, server.demo.owner.email, 'not the password');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Неверная электронная почта или пароль.');

    await signIn(page, server.demo.owner.email, server.demo.owner.password);
    // The password printed at start is for one sign-in: the owner chooses their own first.
    await page.getByRole('heading', { name: 'Придумайте свой пароль' }).waitFor();
    await page.getByLabel('Одноразовый пароль').fill(server.demo.owner.password);
    await page.getByLabel('Новый пароль', { exact: true }).fill('Своя-копилка-2026');
    await page.getByLabel('Новый пароль ещё раз').fill('Своя-копилка-2027');
    await page.getByRole('button', { name: 'Сохранить пароль' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Пароли не совпадают.');
    await expectAccessible(page);
    await screenshot(page, 'one-time-password');
    await page.getByLabel('Новый пароль ещё раз').fill('Своя-копилка-2026');
    await page.getByRole('button', { name: 'Сохранить пароль' }).click();
    // The owner lands on the overview of the last 30 days, charts included.
    await page.getByRole('heading', { name: 'Обзор' }).waitFor();
    await expect.poll(() => page.getByTestId('overview-figures').textContent()).toMatch(/Чеков[\d\s ]+с картой/);
    await expect.poll(() => page.locator('.chart canvas').count()).toBe(2);
    await expectAccessible(page);
    await screenshot(page, 'overview');
    await page.getByRole('link', { name: 'Участники' }).click();
    await page.getByRole('heading', { name: 'Участники' }).waitFor();
    // Part of her name finds her among others, then her phone in another form finds her alone.
    await page.getByLabel('Телефон, e-mail, номер карты, имя или внешний код').fill('смирнов');
    await page.getByRole('button', { name: 'Найти' }).click();
    await page.getByRole('row').filter({ hasText: '+79161234567' }).waitFor();
    await page.getByLabel('Телефон, e-mail, номер карты, имя или внешний код').fill('8 (916) 123-45-67');
    await page.getByRole('button', { name: 'Найти' }).click();
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    const row = page.getByRole('row').filter({ hasText: '+79161234567' });
    await row.waitFor();
    await expectAccessible(page);
    await screenshot(page, 'members');

    await row.getByRole('link').click();
    const available = page.getByTestId('points-available');
    await available.waitFor();
    const before = Number((await available.textContent())!.replace(/\D/g, ''));
    await page.getByLabel('Баллы (со знаком минус — списать)').fill('150');
    await page.getByLabel('Причина').fill('Компенсация за задержку доставки');
    await page.getByRole('button', { name: 'Провести' }).click();
    await expect.poll(() => page.locator('.done').textContent()).toContain('Проведено: +150');
    await expect.poll(async () => Number((await available.textContent())!.replace(/\D/g, ''))).toBe(before + 150);
    const entry = page.getByRole('region', { name: 'История баллов' }).getByRole('row').filter({ hasText: 'Компенсация за задержку доставки' });
    await expect(entry.textContent()).resolves.toContain('Корректировка');
    // The points are a lot of their own, available at once, with the reason beside it.
    const lot = page.getByRole('region', { name: 'Партии баллов' }).getByRole('row').filter({ hasText: 'Компенсация за задержку доставки' });
    await expect.poll(() => lot.textContent()).toMatch(/^150доступны/);
    await expectAccessible(page);
    await screenshot(page, 'member-profile');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Points history' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await screenshot(page, 'member-profile-en');
    await page.getByRole('button', { name: 'Русский' }).click();

    // The adjustment is in the audit log, with the owner as the actor and the balance before and after.
    await page.getByRole('link', { name: 'Журнал' }).click();
    await page.getByLabel('Объект', { exact: true }).selectOption({ label: 'участник' });
    await page.getByLabel('Кто (ключ, сотрудник или имя)').fill(server.demo.owner.email);
    await page.getByRole('button', { name: 'Показать', exact: true }).click();
    const record = page.getByRole('listitem').filter({ hasText: 'Корректировка баллов' }).first();
    await expect.poll(() => record.textContent()).toContain(server.demo.owner.email);
    await record.getByRole('button', { name: 'Что изменилось' }).click();
    await expect(record.getByLabel('Было и стало').textContent()).resolves.toContain('+   "reason": "Компенсация за задержку доставки"');
    await expectAccessible(page);
    await screenshot(page, 'audit');

    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.getByRole('heading', { name: 'Вход в консоль' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Вход в консоль' }).waitFor();
    await page.context().close();
  });

  it('support looks after a member: a bad phone refused then the profile saved, a lost card blocked and replaced, and the lots, receipts, tier history and friends shown', async () => {
    const support = await staffMember(server.demo.programId, 'support');
    const page = await openConsole();
    await signIn(page, support.email, support.password);
    await page.getByLabel('Телефон, e-mail, номер карты, имя или внешний код').fill('+7 916 123-45-67');
    await page.getByRole('button', { name: 'Найти' }).click();
    await page.getByRole('row').filter({ hasText: '+79161234567' }).getByRole('link').click();
    await page.getByRole('heading', { name: 'Партии баллов' }).waitFor();
    // Support holds a till's grants: no hand adjustment here.
    await expect(page.getByRole('heading', { name: 'Корректировка баллов' }).count()).resolves.toBe(0);
    const memberId = page.url().split('/').pop()!;

    await page.getByRole('button', { name: 'Изменить профиль' }).click();
    await page.getByLabel('Город').fill('Тверь');
    await page.getByLabel('Телефон').fill('12-34');
    await page.getByRole('button', { name: 'Сохранить профиль' }).click();
    await expect.poll(() => page.getByRole('alert').count()).toBe(1);
    await expect(page.getByLabel('Телефон').getAttribute('aria-invalid')).resolves.toBe('true');
    expect((await callApi('GET', `/v1/members/${memberId}`, server.demo.adminKey)).body.city).not.toBe('Тверь');
    await page.getByLabel('Телефон').fill('+7 916 123-45-67');
    await page.getByRole('textbox', { name: 'E-mail' }).fill('anna.smirnova@example.ru');
    await page.getByRole('checkbox', { name: 'SMS' }).uncheck();
    await page.getByRole('button', { name: 'Сохранить профиль' }).click();
    await page.getByRole('button', { name: 'Изменить профиль' }).waitFor();
    expect((await callApi('GET', `/v1/members/${memberId}`, server.demo.adminKey)).body).toMatchObject({ city: 'Тверь', email: 'anna.smirnova@example.ru', consents: { sms: false } });

    // The card is lost: blocked with a reason, a replacement issued at once; the balance stays.
    const before = (await callApi('GET', `/v1/members/${memberId}/balance`, server.demo.adminKey)).body.available;
    const lost = (await callApi('GET', `/v1/members/${memberId}`, server.demo.adminKey)).body.cards.find((c: { status: string }) => c.status === 'active').number;
    await page.getByRole('button', { name: `Заблокировать ${lost}` }).click();
    await page.getByLabel('Причина').fill('Потеряна');
    await page.getByRole('button', { name: `Заблокировать карту ${lost}` }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Карты' }).locator('.done').textContent()).toMatch(new RegExp(`^Карта ${lost} заблокирована, взамен выпущена \\d+\\.$`));
    await expect.poll(() => page.getByRole('row').filter({ hasText: lost }).textContent()).toContain('заблокирована');
    const cards = (await callApi('GET', `/v1/members/${memberId}`, server.demo.adminKey)).body.cards;
    expect(cards.find((c: { number: string }) => c.number === lost)).toMatchObject({ status: 'blocked', blockReason: 'Потеряна' });
    expect((await callApi('GET', `/v1/members/${memberId}/balance`, server.demo.adminKey)).body.available).toBe(before);

    // What she holds and where it came from, her receipts, her tier's moves and her friends.
    const lots = (await callApi('GET', `/v1/members/${memberId}/lots`, server.demo.adminKey)).body.items;
    await expect.poll(() => page.getByRole('region', { name: 'Партии баллов' }).getByRole('row').count()).toBe(lots.length + 1);
    await expect.poll(() => page.getByRole('region', { name: 'Чеки' }).getByRole('row').count()).toBeGreaterThan(1);
    await page.getByRole('region', { name: 'История уровня' }).waitFor();
    await page.getByRole('region', { name: 'Приглашённые друзья' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'member-profile-support');
    await page.context().close();
  });

  it('a marketer builds double points on dairy for a week with a budget, is told of a bad field, simulates, backtests and publishes it, and the next receipt gets it', async () => {
    const marketer = await staffMember(server.demo.programId, 'marketer');
    const page = await openConsole();
    await signIn(page, marketer.email, marketer.password);
    await page.getByRole('link', { name: 'Кампании' }).click();
    await page.getByRole('heading', { name: 'Кампании' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'campaigns');

    await page.getByRole('link', { name: 'Новая кампания' }).click();
    await page.getByLabel('Название').first().fill('Двойные баллы на молочное');
    await page.getByLabel('Код', { exact: true }).fill('dairy-double');
    const now = new Date();
    await page.getByLabel('Начало').fill(localInput(new Date(now.getTime() - 3_600_000)));
    await page.getByLabel('Окончание').fill(localInput(new Date(now.getTime() + 7 * 86_400_000)));
    await page.getByLabel('Добавить действие').selectOption({ label: 'Множитель баллов' });
    await page.getByLabel('Множитель').fill('1');
    await page.getByLabel('Категории').fill('dairy');
    await page.getByLabel('Бюджет, баллов').fill('50000');

    // A multiplier must be more than 1: the server's check is shown at the field.
    await page.getByLabel('Артикул 1').fill('MILK-32');
    await page.getByLabel('Категория 1').fill('dairy');
    await page.getByLabel('Цена, ₽ 1').fill('89,90');
    await page.getByLabel('Количество 1').fill('2');
    await page.getByRole('button', { name: 'Рассчитать' }).click();
    const issue = page.locator('#f-effects-0-args-multiplier-issue');
    await issue.waitFor();
    await expect(page.getByLabel('Множитель').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('Сервер не принял кампанию');
    // The summary names the field as the form does, and leads to it.
    await expect.poll(() => page.getByRole('alert').first().getByRole('link').first().textContent()).toBe('Множитель');
    await screenshot(page, 'campaign-editor-issue');

    await page.getByLabel('Множитель').fill('2');
    await page.getByRole('button', { name: 'Рассчитать' }).click();
    const simulation = page.getByTestId('simulation');
    await expect.poll(() => simulation.textContent()).toContain('Не применились');
    await expect(simulation.textContent()).resolves.toContain('Двойные баллы на молочное: нечего начислить (для баллов нужен участник)');
    await page.getByLabel('Телефон участника (необязательно)').fill('+7 916 123-45-67');
    await page.getByRole('button', { name: 'Рассчитать' }).click();
    await expect.poll(() => simulation.getByRole('listitem').first().textContent()).toMatch(/^Двойные баллы на молочное: \d+ б\., скидка 0,00\s₽$/);
    await expect(issue.count()).resolves.toBe(0);

    // A real receipt as the sample: its lines come into the form, and the draft prices it.
    const real = (await callApi('GET', '/v1/receipts?limit=1', server.demo.adminKey)).body.items[0];
    const realLines = (await callApi('GET', `/v1/receipts/${real.id}`, server.demo.adminKey)).body.lines.filter((l: { isReward: boolean }) => !l.isReward);
    await page.getByLabel('Номер проведённого чека').fill(real.number);
    await page.getByRole('button', { name: 'Взять из чека' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Проверить на чеке' }).locator('.done').textContent()).toBe(`Подставлен чек ${real.number}: строк ${realLines.length}. Рассчитайте его по черновику.`);
    await expect(page.getByLabel('Артикул 1', { exact: true }).inputValue()).resolves.toBe(realLines[0].sku);
    await page.getByRole('button', { name: 'Рассчитать' }).click();
    await expect.poll(() => simulation.textContent()).toContain('Сумма');

    await page.getByRole('button', { name: 'Запустить' }).click();
    const backtest = page.getByTestId('backtest');
    await backtest.waitFor({ timeout: 60_000 });
    await expect(backtest.getByRole('row', { name: /Двойные баллы на молочное/ }).count()).resolves.toBe(1);
    await expect(backtest.locator('.cost-row').filter({ hasText: 'Двойные баллы на молочное' }).count()).resolves.toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'campaign-editor');

    await expect(page.getByLabel('Изменения против опубликованной версии').textContent()).resolves.toContain('+   "code": "dairy-double"');
    await page.getByRole('button', { name: 'Опубликовать' }).click();
    await expect.poll(() => page.locator('.done').last().textContent()).toMatch(/Опубликовано: версия правил \d+/);
    await expect.poll(() => page.url()).toMatch(/\/console\/campaigns\/dairy-double$/);

    // The till's next receipt with dairy gets the campaign.
    const store = (await callApi('GET', '/v1/stores', server.demo.adminKey)).body.items[0].code;
    const sale = await callApi('POST', '/v1/receipts', server.demo.posKey, {
      storeCode: store,
      number: `console-${Date.now()}`,
      member: { phone: '+79161234567' },
      lines: [{ sku: 'MILK-32', category: 'dairy', quantity: 2, price: 8990, amount: 17980 }],
      total: 17980,
    });
    expect(sale.status).toBe(201);
    expect(sale.body.campaigns.map((c: { campaign: string }) => c.campaign)).toContain('dairy-double');
    saleNumber = sale.body.number;
    // The campaigns list counts what the campaign has given.
    await page.getByRole('link', { name: 'Кампании' }).click();
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'Двойные баллы на молочное' }).textContent()).toContain('на 1 чеке');

    // ...and its page says so.
    await page.getByRole('link', { name: 'Чеки' }).click();
    await page.getByLabel('Номер чека').fill(saleNumber);
    await page.getByRole('button', { name: 'Показать', exact: true }).click();
    await page.getByRole('link', { name: saleNumber }).click();
    await expect.poll(() => page.getByTestId('receipt-campaigns').textContent()).toContain('Двойные баллы на молочное');
    await expectAccessible(page);
    await screenshot(page, 'receipt');

    await page.getByRole('link', { name: 'Кампании' }).click();
    const row = page.getByRole('row', { name: /Двойные баллы на молочное/ });
    await expect.poll(() => row.textContent()).toContain('Идёт');
    await page.context().close();
  });

  it('a marketer changes the campaign, sees what each version changed, and rolls the rules back to the first', async () => {
    const marketer = await staffMember(server.demo.programId, 'marketer');
    const page = await openConsole();
    await signIn(page, marketer.email, marketer.password);
    await page.getByRole('link', { name: 'Кампании' }).click();
    await page.getByRole('link', { name: 'Двойные баллы на молочное' }).click();
    await page.getByLabel('Множитель').fill('3');
    await expect(page.getByLabel('Изменения против опубликованной версии').textContent()).resolves.toMatch(/\+ +"multiplier": 3/);
    await page.getByRole('button', { name: 'Опубликовать' }).click();
    await expect.poll(() => page.locator('.done').first().textContent()).toMatch(/Опубликовано: версия правил 2/);

    await page.getByRole('link', { name: 'Кампании' }).click();
    const second = page.getByRole('listitem').filter({ hasText: 'Версия 2' });
    await second.getByRole('button', { name: 'Что изменилось' }).click();
    await expect.poll(() => second.getByLabel('Что изменила версия 2').textContent()).toMatch(/\+ +"multiplier": 3/);
    const first = page.getByRole('listitem').filter({ hasText: 'Версия 1' });
    await first.getByRole('button', { name: 'Что изменилось' }).click();
    await first.getByRole('button', { name: 'Вернуть версию 1' }).click();
    await expect.poll(() => first.locator('.done').textContent()).toBe('Версия 1 снова действует: опубликована как версия 3.');
    await expectAccessible(page);
    await screenshot(page, 'rule-versions');
    const campaign = await callApi('GET', '/v1/campaigns/dairy-double', server.demo.adminKey);
    expect(campaign.body.effects[0].args.multiplier).toBe(2);
    await page.context().close();
  });

  it('a marketer issues a batch of coupons, is told of a bad pattern, and downloads the codes as CSV', async () => {
    const marketer = await staffMember(server.demo.programId, 'marketer');
    const page = await openConsole();
    await signIn(page, marketer.email, marketer.password);
    await page.getByRole('link', { name: 'Купоны' }).click();
    await page.getByLabel('Кампания', { exact: true }).selectOption({ label: 'Двойные баллы на молочное' });
    await page.getByLabel('Сколько', { exact: true }).fill('25');
    await page.getByLabel('Шаблон', { exact: true }).fill('MILK-XX');
    await page.getByRole('button', { name: 'Выпустить', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Проверьте поля: pattern');
    await expect(page.getByLabel('Шаблон', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');

    await page.getByLabel('Шаблон', { exact: true }).fill('MILK-XXXXXX');
    await page.getByRole('button', { name: 'Выпустить', exact: true }).click();
    await expect.poll(() => page.locator('.done').first().textContent()).toContain('Выпущено 25 купонов.');
    const batch = page.getByRole('row').filter({ hasText: 'MILK-XXXXXX' });
    await batch.waitFor();
    await expectAccessible(page);
    await screenshot(page, 'coupons');

    const [download] = await Promise.all([page.waitForEvent('download'), batch.getByRole('link', { name: /CSV/ }).click()]);
    const csv = await (await download.createReadStream()).toArray();
    const lines = Buffer.concat(csv).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('code,campaign,batch,member_id,max_uses,per_member,uses,valid_from,valid_to');
    expect(lines).toHaveLength(26);
    expect(lines.slice(1).every((l) => /^MILK-[A-Z0-9]{6},dairy-double,/.test(l))).toBe(true);
    await page.context().close();
  });

  it('the owner sets the programme up: a setting refused at its field then saved, a tier, a store and a category, a key shown once and revoked, a colleague, a webhook and its deliveries, a job run now', async () => {
    const owner = await staffMember(server.demo.programId, 'owner');
    const page = await openConsole();
    page.on('dialog', (dialog) => void dialog.accept());
    await signIn(page, owner.email, owner.password);
    await page.getByRole('link', { name: 'Программа' }).click();
    await page.getByRole('heading', { name: /Настройки программы \(версия \d+\)/ }).waitFor();
    const before = (await callApi('GET', '/v1/program', server.demo.adminKey)).body;

    // Points that would expire before they activate: the server's issue stands at the expiry field, nothing is saved.
    await page.getByLabel('Сгорают через, дней').fill('10');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => page.locator('#f-expiry-days-issue').textContent()).toContain('points must expire after they activate');
    await expect(page.getByLabel('Сгорают через, дней').getAttribute('aria-invalid')).resolves.toBe('true');
    expect((await callApi('GET', '/v1/program', server.demo.adminKey)).body.version).toBe(before.version);
    await page.getByLabel('Сгорают через, дней').fill('180');
    await page.getByLabel('Баллы активируются через, дней').fill('7');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => page.locator('.done').textContent()).toBe(`Сохранено: действует версия ${before.version + 1}`);
    const saved = (await callApi('GET', '/v1/program', server.demo.adminKey)).body.settings;
    expect(saved).toMatchObject({ pendingDays: 7, expiry: { kind: 'days', days: 180 }, earn: before.settings.earn, tiers: before.settings.tiers });
    await expectAccessible(page);
    await screenshot(page, 'programme-settings');

    // A fourth tier above the demo's three.
    await page.getByRole('link', { name: 'Уровни' }).click();
    await page.getByRole('button', { name: 'Добавить уровень' }).click();
    const n = before.settings.tiers.length;
    await page.locator(`#f-tiers-${n}-code`).fill('diamond');
    await page.locator(`#f-tiers-${n}-name`).fill('Бриллиант');
    await page.locator(`#f-tiers-${n}-threshold`).fill('500000');
    await page.locator(`#f-tiers-${n}-earnMultiplier`).fill('2');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => page.locator('.done').textContent()).toBe(`Сохранено: действует версия ${before.version + 2}`);
    const tiers = (await callApi('GET', '/v1/program', server.demo.adminKey)).body.settings.tiers;
    expect(tiers.at(-1)).toMatchObject({ code: 'diamond', name: 'Бриллиант', threshold: 50_000_000, earnMultiplier: 2 });
    await expectAccessible(page);
    await screenshot(page, 'programme-tiers');

    // A store and a category, as rules and tills will name them.
    await page.getByRole('link', { name: 'Магазины и категории' }).click();
    await page.getByLabel('Код').first().waitFor();
    await page.locator('#store-code').fill('kzn-2');
    await page.locator('#store-name').fill('Казань, Кремлёвская');
    await page.locator('#store-city').fill('Казань');
    await page.locator('#store-form-title').locator('..').getByRole('button', { name: 'Сохранить' }).click();
    await page.getByRole('cell', { name: 'Казань, Кремлёвская', exact: true }).waitFor();
    await page.locator('#category-code').fill('tea');
    await page.locator('#category-name').fill('Чай');
    await page.locator('#category-form-title').locator('..').getByRole('button', { name: 'Сохранить' }).click();
    await page.getByRole('cell', { name: 'Чай', exact: true }).waitFor();
    expect((await callApi('GET', '/v1/stores/kzn-2', server.demo.adminKey)).body).toMatchObject({ name: 'Казань, Кремлёвская', city: 'Казань', channel: 'till', partner: null });
    await expectAccessible(page);
    await screenshot(page, 'programme-stores');

    // A till's key: its secret is shown once and works; revoked, it is refused.
    await page.getByRole('link', { name: 'Ключи API' }).click();
    await page.getByLabel('Кто пользуется').fill('Касса 9, Казань');
    await page.getByRole('button', { name: 'Выпустить ключ' }).click();
    const secret = (await page.getByRole('status', { name: 'Секрет ключа' }).textContent()) ?? '';
    expect(secret.length).toBeGreaterThan(20);
    expect((await callApi('GET', '/v1/program', secret)).status).toBe(200);
    await expectAccessible(page);
    await screenshot(page, 'programme-keys');
    await page.getByRole('button', { name: 'Отозвать Касса 9, Казань' }).click();
    await page.getByRole('cell', { name: /^отозван/ }).waitFor();
    expect((await callApi('GET', '/v1/program', secret)).status).toBe(401);

    // A colleague in support, with a one-time password they must change.
    await page.getByRole('link', { name: 'Сотрудники' }).click();
    await page.getByLabel('Имя').fill('Ольга из поддержки');
    await page.getByRole('textbox', { name: 'E-mail' }).fill(`olga.${Date.now()}@shop.test`);
    await page.getByRole('button', { name: 'Создать' }).click();
    const oneTime = (await page.getByRole('status', { name: 'Одноразовый пароль' }).textContent()) ?? '';
    expect(oneTime.length).toBeGreaterThan(10);
    await page.getByRole('cell', { name: 'Ольга из поддержки' }).waitFor();
    // The same e-mail again: refused, and still one account.
    await page.getByRole('button', { name: 'Создать' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Сотрудник с такой электронной почтой уже есть.');
    await expect(page.getByRole('cell', { name: 'Ольга из поддержки' }).count()).resolves.toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'programme-staff');

    // A webhook: this server itself is refused; a receiver gets the next event, and it can be sent again.
    const received: string[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push(body);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      await page.getByRole('link', { name: 'Вебхуки' }).click();
      await page.getByLabel('Адрес').fill(`${server.url}/hook`);
      await page.getByRole('button', { name: 'Подписать' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('this Kopilka server itself');
      await page.getByLabel('Адрес').fill(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/kopilka`);
      await page.getByLabel('points.adjusted').check();
      await page.getByRole('button', { name: 'Подписать' }).click();
      await expect.poll(() => page.getByRole('status', { name: 'Секрет подписи' }).textContent()).toMatch(/^whsec_/);
      const demoMember = (await callApi('GET', '/v1/members?phone=%2B79161234567', server.demo.adminKey)).body.id;
      expect((await callApi('POST', `/v1/members/${demoMember}/adjustments`, server.demo.adminKey, { points: 5, reason: 'Проверка вебхука' })).status).toBe(201);
      await expect.poll(() => received.length, { timeout: 15_000 }).toBe(1);
      await page.getByRole('button', { name: /^Доставки http:\/\/127\.0\.0\.1/ }).click();
      await expect.poll(() => page.getByRole('cell', { name: 'доставлено' }).count()).toBe(1);
      await page.getByRole('button', { name: /^Отправить снова \d+$/ }).click();
      await expect.poll(() => page.getByRole('region', { name: /^Доставки на/ }).locator('.done').textContent()).toBe('Поставлено в очередь: 1');
      await expect.poll(() => received.length, { timeout: 15_000 }).toBe(2);
      expect(JSON.parse(received[1]!)).toMatchObject({ type: 'points.adjusted' });
      await expectAccessible(page);
      await screenshot(page, 'programme-webhooks');
    } finally {
      receiver.close();
    }

    // The jobs: when each ran, and one run now.
    await page.getByRole('link', { name: 'Задания' }).click();
    await page.getByRole('button', { name: 'Запустить сейчас Активация баллов' }).click();
    await expect.poll(() => page.locator('.done').textContent()).toMatch(/^«Активация баллов»: изменено \d+ из \d+$/);
    await expectAccessible(page);
    await screenshot(page, 'programme-jobs');
    await page.context().close();
  });

  it('on a tablet every page fits the width: nothing scrolls sideways but a wide table inside its own frame', async () => {
    const owner = await staffMember(server.demo.programId, 'owner');
    const context = await browser.newContext({ viewport: { width: 768, height: 1024 }, locale: 'ru-RU', timezoneId: 'UTC' });
    const page = await context.newPage();
    await page.goto(server.url + '/');
    await signIn(page, owner.email, owner.password);
    await page.getByRole('heading', { name: 'Обзор' }).waitFor();
    const demoMember = (await callApi('GET', '/v1/members?phone=%2B79161234567', server.demo.adminKey)).body.id;
    const pages: [string, string][] = [
      ['/console/overview', 'Обзор'],
      ['/console/analytics', 'Аналитика'],
      ['/console/segments/new', 'Новый сегмент'],
      ['/console/members?q=смирн', 'Участники'],
      [`/console/members/${demoMember}`, 'Партии баллов'],
      ['/console/receipts', 'Чеки'],
      ['/console/campaigns/new', 'Новая кампания'],
      ['/console/coupons', 'Купоны'],
      ['/console/audit', 'Журнал действий'],
      ['/console/programme/settings', 'Программа'],
      ['/console/programme/stores', 'Магазины'],
      ['/console/programme/webhooks', 'Вебхуки'],
      ['/console/programme/jobs', 'Задания по расписанию'],
    ];
    for (const [path, heading] of pages) {
      await page.goto(server.url + path);
      await page.getByRole('heading', { name: heading, exact: true }).first().waitFor();
      // Run in the page (the test itself has no DOM types): how far the page is wider than the window, and what sticks out.
      const overflow = (await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
      const wide = (await page.evaluate(
        "[...document.querySelectorAll('body *')].filter((e) => !e.closest('table') && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 5).map((e) => e.tagName + '.' + e.className).join(' ')",
      )) as string;
      expect(overflow, `${path}: ${wide}`).toBeLessThanOrEqual(0);
    }
    await screenshot(page, 'tablet-jobs');
    await page.goto(`${server.url}/console/members/${demoMember}`);
    await page.getByRole('heading', { name: 'Партии баллов' }).waitFor();
    await screenshot(page, 'tablet-member');
    await context.close();
  });

  it('an analyst reads the RFM grid and a cohort’s lifetime value, and is told when a cohort is too small', async () => {
    const analyst = await staffMember(server.demo.programId, 'analyst');
    const page = await openConsole();
    await signIn(page, analyst.email, analyst.password);
    await page.getByRole('link', { name: 'Аналитика' }).click();
    await page.getByRole('heading', { name: 'Аналитика' }).waitFor();
    const scored = (await callApi('GET', '/v1/analytics/rfm', server.demo.adminKey)).body.members as number;
    expect(scored).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('rfm-grid').locator('caption').textContent()).toBe(`Участников с оценкой: ${scored}`);
    // The points of the last 90 days as the API gives them, in roubles too.
    const points = (await callApi('GET', '/v1/analytics/points?group=month', server.demo.adminKey)).body;
    expect(points.issued).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('points-figures').textContent()).toMatch(/Начислено баллов[\d\s]+списано/);
    await expect.poll(() => page.getByTestId('points-figures').textContent()).toMatch(/Обязательства по баллам[\d\s]+₽/);
    await page.getByRole('cell', { name: /Чемпионы/ }).first().waitFor();
    // The key figures of the last 90 days as the API gives them, against the 90 before; the cohorts; the sources.
    const kpi = (await callApi('GET', '/v1/analytics/kpis', server.demo.adminKey)).body;
    expect(kpi.totals.receipts.all).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('kpi-figures').textContent()).toMatch(/Участников[\d\s\u00a0]+новых за период: [\d\s\u00a0]+Покупали в периоде[\d\s\u00a0]+/);
    await expect.poll(() => page.getByTestId('kpi-figures').textContent()).toMatch(/Средний чек участника[\d\s\u00a0]+₽без карты: [\d\s\u00a0]+₽/);
    await page.getByTestId('retention').getByRole('row').nth(1).waitFor();
    await page.getByTestId('sources').getByRole('row').nth(1).waitFor();
    await page.getByLabel('По', { exact: true }).selectOption({ label: 'месяцам' });
    const [kpiCsv] = await Promise.all([page.waitForEvent('download'), page.getByRole('region', { name: 'Ключевые показатели' }).getByRole('button', { name: 'Скачать CSV' }).click()]);
    const kpiLines = Buffer.concat(await (await kpiCsv.createReadStream()).toArray()).toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(kpiLines[0]).toBe('start,receipts,member_receipts,revenue_rub,member_revenue_rub,active_members,new_members,repeat_rate');
    expect(kpiLines.length).toBeGreaterThan(1);
    // The demo's two months: a cohort of its last week is too small; its first month is not.
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Первая покупка с').fill(day(7));
    await page.getByLabel('по (не включая)').fill(day(1));
    await page.getByRole('button', { name: 'Рассчитать' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Слишком маленькая когорта/);
    await page.getByLabel('Первая покупка с').fill(day(70));
    await page.getByLabel('по (не включая)').fill(day(30));
    await page.getByLabel('Прогноз, недель').fill('26');
    await page.getByRole('button', { name: 'Рассчитать' }).click();
    await expect.poll(() => page.getByTestId('ltv-figures').textContent()).toMatch(/Участников в когорте\d+из них покупали повторно/);
    await expect.poll(() => page.getByTestId('ltv-models').textContent()).toMatch(/BG\/NBD: r = [\d,]+/);
    await expectAccessible(page);
    await screenshot(page, 'analytics');
    // In English the segments and the figures change language; the grid keeps its numbers.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Analytics', exact: true }).waitFor();
    await page.getByRole('cell', { name: /Champions/ }).first().waitFor();
    await expect.poll(() => page.getByTestId('rfm-grid').locator('caption').textContent()).toBe(`Members scored: ${scored}`);
    await screenshot(page, 'analytics-en');
    await page.context().close();
  });

  it('a marketer builds a segment of lapsed women with a live count, saves it, exports it, and uploads a list as another', async () => {
    const marketer = await staffMember(server.demo.programId, 'marketer');
    const page = await openConsole();
    await signIn(page, marketer.email, marketer.password);
    await page.getByRole('link', { name: 'Сегменты' }).click();
    await page.getByRole('link', { name: 'Новый сегмент' }).click();
    await page.getByLabel('Название').fill('Давно не покупали');
    await page.getByLabel('Код').fill('lapsed-women');
    const count = async (rule: unknown) => (await callApi('POST', '/v1/segments/preview', server.demo.adminKey, { rule })).body.members as number;
    const shown = () => page.getByTestId('segment-count').textContent();
    const first = page.getByRole('listitem').filter({ has: page.getByLabel('Поле') }).nth(0);
    await first.getByLabel('Поле').selectOption({ label: 'Дней с последней покупки' });
    await first.getByLabel('Сравнение').selectOption({ label: 'больше' });
    await first.getByLabel('Значение').fill('30');
    const lapsed = await count({ all: [{ field: 'days_since_purchase', op: 'gt', value: 30 }] });
    expect(lapsed).toBeGreaterThan(0);
    await expect.poll(shown).toMatch(new RegExp(`Сейчас подход\\S+ ${lapsed} участ`));
    await page.getByRole('button', { name: '+ Условие' }).click();
    const second = page.getByRole('listitem').filter({ has: page.getByLabel('Поле') }).nth(1);
    await second.getByLabel('Поле').selectOption({ label: 'Пол' });
    await second.getByLabel('Сравнение').selectOption({ label: 'равно' });
    await second.getByLabel('Значение').selectOption({ label: 'женский' });
    const women = await count({ all: [{ field: 'days_since_purchase', op: 'gt', value: 30 }, { field: 'gender', op: 'eq', value: 'female' }] });
    expect(women).toBeLessThan(lapsed);
    await expect.poll(shown).toMatch(new RegExp(`Сейчас подход\\S+ ${women} участ`));
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByRole('heading', { name: 'Давно не покупали' }).waitFor();
    await expect.poll(() => page.getByTestId('segment-size').textContent()).toBe(String(women));
    await expectAccessible(page);
    await screenshot(page, 'segment-editor');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Выгрузить CSV' }).click()]);
    const lines = Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('member_id,external_id,phone,email,name,tier,since');
    expect(lines).toHaveLength(women + 1);

    // A list from a file: the demo's first member by phone, someone unknown, and a header row.
    await page.getByRole('link', { name: '← Все сегменты' }).click();
    await page.getByRole('link', { name: 'Новый сегмент' }).click();
    await page.getByLabel('Название').fill('Гости дегустации');
    await page.getByLabel('Код').fill('tasting');
    await page.getByLabel('Список из файла').check();
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByRole('heading', { name: 'Гости дегустации' }).waitFor();
    await page.getByLabel('Загрузить список (CSV)').setInputFiles({ name: 'guests.csv', mimeType: 'text/csv', buffer: Buffer.from('телефон\n8 916 123-45-67\n+79000000000\n') });
    await expect.poll(() => page.getByTestId('upload-report').textContent()).toMatch(/Строк: 2, найдено: 1, в сегменте: 1/);
    await page.getByRole('cell', { name: '+79000000000' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'segment-upload');
    await page.getByRole('link', { name: '← Все сегменты' }).click();
    await page.getByRole('row').filter({ hasText: 'tasting' }).waitFor();
    await screenshot(page, 'segments');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Segments', exact: true }).waitFor();
    await page.getByRole('cell', { name: 'List from a file' }).waitFor();
    await screenshot(page, 'segments-en');
    await page.context().close();
  });

  it('a marketer connects the SMTP server, writes a template, sets a birthday trigger, sends a broadcast in two variants with a control group and reads its results', async () => {
    const smtp = await smtpPeer();
    try {
      const { programId, adminKey } = server.demo;
      const members = await db.query<{ id: string }>('select id from members where program_id = $1 order by id', [programId]);
      await callApi('PUT', '/v1/segments/everyone', adminKey, { name: 'Все участники', kind: 'static' });
      const upload = await fetch(`${server.url}/v1/segments/everyone/members`, { method: 'PUT', headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'text/csv' }, body: `id\r\n${members.map((m) => m.id).join('\r\n')}\r\n` });
      expect(upload.status).toBe(200);
      // Whatever the hour the test runs at, nothing waits for the morning.
      expect((await callApi('PATCH', '/v1/program/settings', adminKey, { quietHours: null })).status).toBe(200);
      await callApi('PUT', '/v1/messaging/templates/spring-b', adminKey, { channel: 'email', event: 'broadcast', subject: { ru: '{{name}}, весна в «{{programme}}»' }, text: { ru: 'На счёте {{balance}} {{balance|plural:балл,балла,баллов}}.' } });
      await callApi('PUT', '/v1/messaging/templates/birthday', adminKey, { channel: 'email', event: 'member.birthday', subject: { ru: '{{name}}, скоро ваш день рождения' }, text: { ru: 'Подарок ждёт {{birthday|date}}.' } });

      const marketer = await staffMember(programId, 'marketer');
      const page = await openConsole();
      await signIn(page, marketer.email, marketer.password);
      await page.getByRole('link', { name: 'Сообщения' }).click();
      await page.getByRole('link', { name: 'Канал e-mail' }).click();
      await page.getByLabel('Порт', { exact: true }).fill('1');
      await page.getByRole('button', { name: 'Проверить и сохранить' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/did not take the connection/);
      await page.getByLabel('Порт', { exact: true }).fill(String(smtp.port));
      await page.getByRole('button', { name: 'Проверить и сохранить' }).click();
      await page.getByText(`Сервер 127.0.0.1:${smtp.port} принял подключение`).waitFor();
      await expectAccessible(page);

      await page.getByRole('link', { name: 'Шаблоны' }).click();
      await page.getByRole('button', { name: 'Новый шаблон' }).click();
      await page.getByLabel('Код').fill('spring-a');
      await page.getByLabel('Тема (русский)').fill('{{name}}, скидки до 30% {{nope}}');
      await page.getByLabel('Текст (русский)').fill('Весенняя распродажа: https://shop.example.ru/spring');
      await page.getByRole('button', { name: 'Сохранить и показать' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/unknown variable nope|nope/);
      await page.getByLabel('Тема (русский)').fill('{{name}}, скидки до 30%');
      await page.getByLabel('HTML (русский, необязательно)').fill('<p>Весна: <a href="https://shop.example.ru/spring">скидки</a></p>');
      await page.getByRole('button', { name: 'Сохранить и показать' }).click();
      await page.getByRole('heading', { name: 'Анна, скидки до 30%' }).waitFor();
      await page.frameLocator('iframe[title="HTML письма"]').getByRole('link', { name: 'скидки' }).waitFor({ timeout: 5_000 });
      await expectAccessible(page);
      await screenshot(page, 'message-template');
      // A full-page shot leaves the mail's frame blank; the frame on its own shows the mail as written out.
      await page.locator('iframe[title="HTML письма"]').screenshot({ path: join(screenshotDir, 'message-template-html.png') });

      await page.getByRole('link', { name: 'Триггеры' }).click();
      await page.getByLabel('Код').fill('birthday');
      await page.getByLabel('Повод', { exact: true }).selectOption({ label: 'День рождения' });
      await page.getByLabel('За сколько дней до дня рождения').fill('3');
      await page.getByLabel('Шаблон', { exact: true }).selectOption('birthday');
      await page.getByRole('button', { name: 'Сохранить триггер' }).click();
      await page.getByText('Триггер birthday сохранён.').waitFor();
      await page.getByRole('cell', { name: 'День рождения · 3 дня' }).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'message-triggers');

      await page.getByRole('link', { name: 'Рассылки' }).click();
      await page.getByLabel('Код').fill('spring');
      await page.getByLabel('Название').fill('Весенняя распродажа');
      await page.getByLabel('Сегмент').selectOption('everyone');
      await page.getByLabel('Вариант A').selectOption('spring-a');
      await page.getByLabel('Вариант B').selectOption('spring-b');
      await page.getByLabel('Контрольная группа, %').fill('60');
      await page.getByRole('button', { name: 'Сохранить рассылку' }).click();
      expect(await page.getByLabel('Контрольная группа, %').evaluate((input) => (input as unknown as { validity: { rangeOverflow: boolean } }).validity.rangeOverflow)).toBe(true);
      await page.getByLabel('Контрольная группа, %').fill('20');
      await page.getByRole('button', { name: 'Сохранить рассылку' }).click();
      await page.getByText('Рассылка «Весенняя распродажа» сохранена.').waitFor();
      // The server's messenger plans it within a second and sends it; the page shows it sending.
      const log = async () => (await callApi('GET', '/v1/messaging/messages?limit=500', adminKey)).body.messages as { origin: string; status: string; memberId: string }[];
      const planned = async () => (await callApi('GET', '/v1/messaging/broadcasts', adminKey)).body.broadcasts[0].status as string;
      await expect.poll(planned, { timeout: 30_000 }).toBe('planned');
      await expect.poll(async () => (await log()).filter((m) => m.origin === 'broadcast:spring' && m.status === 'queued').length, { timeout: 30_000 }).toBe(0);
      const sent = (await log()).filter((m) => m.origin === 'broadcast:spring' && m.status === 'sent');
      expect(sent.length).toBeGreaterThan(5);
      expect(smtp.received.filter((m) => /скидки до 30%|весна в/.test(m.subject ?? ''))).toHaveLength(sent.length);
      await page.reload();
      await page.getByRole('button', { name: 'Результаты Весенняя распродажа' }).click();
      await page.getByRole('rowheader', { name: 'Контрольная группа' }).waitFor();
      await page.getByRole('rowheader', { name: 'Вариант A' }).waitFor();
      await page.getByRole('rowheader', { name: 'Вариант B' }).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'broadcast-results');

      await page.goto(`${server.url}/console/members/${sent[0]!.memberId}`);
      await page.getByRole('heading', { name: 'Сообщения' }).waitFor();
      await page.getByRole('cell', { name: /broadcast:spring/ }).waitFor();
      await screenshot(page, 'member-messages');
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('link', { name: 'Messages' }).click();
      await page.getByRole('button', { name: 'Results Весенняя распродажа' }).click();
      await page.getByRole('rowheader', { name: 'Control group' }).waitFor();
      await screenshot(page, 'broadcast-results-en');
      await page.context().close();
    } finally {
      await smtp.stop();
    }
  });

  it('a marketer binds the operator’s SMSC, writes an SMS template seeing how many SMS it goes in, sends a test to a mobile, through the SMSC and through an HTTP gateway, and sets up web push', async () => {
    const smsc = await startSmppPeer({ systemId: 'shop', password: 's3cret1' });
    try {
      const marketer = await staffMember(server.demo.programId, 'marketer');
      const page = await openConsole();
      await signIn(page, marketer.email, marketer.password);
      await page.getByRole('link', { name: 'Сообщения' }).click();
      await page.getByRole('link', { name: 'Канал SMS' }).click();
      await page.getByLabel('Сервер', { exact: true }).fill('127.0.0.1');
      await page.getByLabel('Порт', { exact: true }).fill(String(smsc.port));
      await page.getByLabel('Учётная запись (system_id)').fill('shop');
      await page.getByLabel('Пароль (до 8 знаков)').fill('wrong');
      await page.getByLabel('Отправитель').first().fill('Kopilka');
      await page.getByRole('button', { name: 'Проверить и сохранить' }).first().click();
      await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/refused the bind/);
      await page.getByLabel('Пароль (до 8 знаков)').fill('s3cret1');
      await page.getByRole('button', { name: 'Проверить и сохранить' }).first().click();
      await page.getByText(`SMSC 127.0.0.1:${smsc.port} принял подключение`).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'sms-channel');

      await page.getByRole('link', { name: 'Шаблоны' }).click();
      await page.getByRole('button', { name: 'Новый шаблон' }).click();
      await page.getByLabel('Код').fill('welcome-sms');
      await page.getByLabel('Канал', { exact: true }).selectOption('sms');
      await page.getByLabel('Тема (русский)').fill('Добро пожаловать');
      // 100 Cyrillic characters: two UCS-2 parts; Latin text of the same length fits one GSM message.
      await page.getByLabel('Текст (русский)').fill(`{{name}}, ${'б'.repeat(90)}`);
      await page.getByText('100 знаков · 2 SMS (UCS-2) без подстановки переменных').waitFor();
      await page.getByLabel('Текст (английский)').fill(`{{name}}, ${'b'.repeat(90)}`);
      await page.getByText('100 знаков · 1 SMS (GSM 7-bit) без подстановки переменных').waitFor();
      await page.getByRole('button', { name: 'Сохранить и показать' }).click();
      await page.getByRole('heading', { name: 'Добро пожаловать' }).waitFor();
      // A test to a member of staff's mobile: a landline is refused, a mobile gets it at once.
      await page.getByLabel('Тестовая отправка').fill('+7 495 123-45-67');
      await page.getByRole('button', { name: 'Отправить тест' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/not a mobile number/);
      await page.getByLabel('Тестовая отправка').fill('8 916 000-11-22');
      await page.getByRole('button', { name: 'Отправить тест' }).click();
      await page.getByText('Отправлено: +79160001122').waitFor();
      expect(smsc.texts().find((x) => x.to === '79160001122')?.text).toBe(`Анна, ${'б'.repeat(90)}`);
      await expectAccessible(page);
      await screenshot(page, 'sms-template');

      // Or an aggregator's HTTP gateway in place of the SMSC: the test send goes through it.
      const requests: string[] = [];
      const gateway = createServer((req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString('utf8')));
        req.on('end', () => {
          if (req.method === 'POST') requests.push(body);
          res.writeHead(200).end('{}');
        });
      });
      await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
      try {
        await page.getByRole('link', { name: 'Канал SMS' }).click();
        await page.getByLabel('Адрес запроса').fill(`http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`);
        await page.getByLabel('Отправитель').last().fill('Kopilka');
        await page.getByLabel('Заголовок учётной записи').fill('Authorization: Bearer t0ken');
        await page.getByRole('button', { name: 'Проверить и сохранить' }).last().click();
        await page.getByText('Шлюз ответил, канал SMS сохранён.').waitFor();
        await page.getByText('SMS уходят через этот шлюз.', { exact: false }).waitFor();
        await expectAccessible(page);
        await screenshot(page, 'sms-gateway');
        await page.getByRole('link', { name: 'Шаблоны' }).click();
        await page.getByRole('button', { name: /welcome-sms/ }).click();
        await page.getByLabel('Тестовая отправка').fill('+7 916 000-11-23');
        await page.getByRole('button', { name: 'Отправить тест' }).click();
        await page.getByText('Отправлено: +79160001123').waitFor();
        expect(requests.map((r) => JSON.parse(r))).toEqual([{ phone: '79160001123', text: `Анна, ${'б'.repeat(90)}`, sender: 'Kopilka' }]);
      } finally {
        await new Promise<void>((resolve) => gateway.close(() => resolve()));
      }

      // Web push: the key browsers subscribe with is made on the first save.
      await page.getByRole('link', { name: 'Канал push' }).click();
      await page.getByLabel('Контакт для push-сервисов').fill('bonus@shop.example.ru');
      await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/mailto/);
      await page.getByLabel('Контакт для push-сервисов').fill('mailto:bonus@shop.example.ru');
      await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
      await page.getByText('Канал push сохранён.').waitFor();
      expect(await page.getByTestId('vapid-public-key').textContent()).toMatch(/^B[\w-]{86}$/);
      await expectAccessible(page);
      await screenshot(page, 'push-channel');
      await page.context().close();
    } finally {
      await smsc.close();
    }
  });

  it('a marketer sets the rules every marketing message keeps: a bad share refused at its field, then quiet hours, caps and a pace saved', async () => {
    const marketer = await staffMember(server.demo.programId, 'marketer');
    const page = await openConsole();
    await signIn(page, marketer.email, marketer.password);
    await page.getByRole('link', { name: 'Сообщения' }).click();
    await page.getByRole('link', { name: 'Правила отправки' }).click();
    await page.getByLabel('Не отправлять рекламу ночью').waitFor();
    await page.getByLabel('Глобальная контрольная группа, %').fill('30');
    await page.getByRole('button', { name: 'Сохранить правила' }).click();
    await expect.poll(() => page.locator('.field.invalid').textContent()).toMatch(/20/);
    await screenshot(page, 'message-rules-refused');
    await page.getByLabel('Глобальная контрольная группа, %').fill('5');
    // The broadcast above switched quiet hours off to send at once: switched on, they start as 21:00 to 09:00.
    await page.getByLabel('Не отправлять рекламу ночью').check();
    await page.getByLabel('До', { exact: true }).fill('10:00');
    await page.getByLabel('e-mail: рекламных в день').fill('20000');
    await page.getByLabel('SMS: любых в секунду').fill('30');
    await page.getByRole('button', { name: 'Сохранить правила' }).click();
    await page.getByText(/Сохранено: действует версия/).waitFor();
    const { settings } = await loadSettings(db, server.demo.programId);
    expect(settings.quietHours).toEqual({ from: '21:00', to: '10:00' });
    expect(settings.messaging).toMatchObject({ globalControlPercent: 5, dailyCaps: { email: 20000, sms: null }, perSecond: { sms: 30, email: null } });
    await expectAccessible(page);
    await screenshot(page, 'message-rules');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('SMS: any kind a second').waitFor();
    await screenshot(page, 'message-rules-en');
    await page.context().close();
  });

  it('support may not open campaign editing, and an owner of another programme sees none of this one', async () => {
    const support = await staffMember(server.demo.programId, 'support');
    const page = await openConsole();
    await signIn(page, support.email, support.password);
    await page.getByRole('link', { name: 'Кампании' }).click();
    await page.getByRole('heading', { name: 'Кампании' }).waitFor();
    await expect(page.getByRole('link', { name: 'Новая кампания' }).count()).resolves.toBe(0);
    await page.goto(server.url + '/console/campaigns/new');
    await page.getByRole('heading', { name: 'Нет доступа' }).waitFor();
    await screenshot(page, 'support-no-campaign-editing');

    // Support returns one of the two bottles of milk and is told what to give back.
    await page.getByRole('link', { name: 'Чеки' }).click();
    await page.getByLabel('Номер чека').fill(saleNumber);
    await page.getByRole('button', { name: 'Показать', exact: true }).click();
    await page.getByRole('link', { name: saleNumber }).click();
    await page.getByLabel(/^Строка 1: MILK-32/).fill('5');
    await page.getByRole('button', { name: 'Вернуть указанное' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Нельзя вернуть больше, чем осталось в чеке');
    await page.getByLabel(/^Строка 1: MILK-32/).fill('1');
    await page.getByRole('button', { name: 'Вернуть указанное' }).click();
    await expect.poll(() => page.locator('.done').textContent()).toContain('Готово: вернуть покупателю 89,90');
    await expect.poll(() => page.getByRole('heading', { name: 'Возвраты' }).count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'receipt-returned');
    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.getByRole('heading', { name: 'Вход в консоль' }).waitFor();

    const other = await createProgram({ db, now: () => new Date() }, { name: 'Другая программа' });
    if (!other.ok) throw new Error(other.message);
    const stranger = await staffMember(other.value.id, 'owner');
    await page.goto(server.url + '/console/members');
    await signIn(page, stranger.email, stranger.password);
    await page.getByRole('heading', { name: 'Участники' }).waitFor();
    await page.getByLabel('Телефон, e-mail, номер карты, имя или внешний код').fill('+7 916 123-45-67');
    await page.getByRole('button', { name: 'Найти' }).click();
    await expect.poll(() => page.locator('.empty').textContent()).toContain('Никого не нашли');
    const demoMember = (await callApi('GET', '/v1/members?phone=%2B79161234567', server.demo.adminKey)).body.id;
    await page.goto(`${server.url}/console/members/${demoMember}`);
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Участник не найден.');
    await page.context().close();
  });
});
