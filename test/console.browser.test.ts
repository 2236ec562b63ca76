import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { consoleServer, expectAccessible, launchBrowser, screenshot } from './browser.ts';
import { openTestDb } from './harness.ts';

let db: Db;
let browser: Browser;
let server: Awaited<ReturnType<typeof consoleServer>>;

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
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'ru-RU' });
  const page = await context.newPage();
  await page.goto(server.url + '/');
  return page;
}

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('Электронная почта').fill(email);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
}

describe('the staff console', () => {
  it('the owner signs in, finds the demo member by phone, adds points with a reason and sees the new balance and the entry', async () => {
    const page = await openConsole();
    await expect.poll(() => page.url()).toMatch(/\/console\/$/);
    await expect(page.getByRole('heading', { name: 'Вход в консоль' }).isVisible()).resolves.toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'sign-in');

    await signIn(page, server.demo.owner.email, 'not the password');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Неверная электронная почта или пароль.');

    await signIn(page, server.demo.owner.email, server.demo.owner.password);
    await page.getByRole('heading', { name: 'Участники' }).waitFor();
    await page.getByLabel('Телефон, e-mail, номер карты или внешний код').fill('8 (916) 123-45-67');
    await page.getByRole('button', { name: 'Найти' }).click();
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
    const entry = page.getByRole('row').filter({ hasText: 'Компенсация за задержку доставки' });
    await expect(entry.textContent()).resolves.toContain('Корректировка');
    await expectAccessible(page);
    await screenshot(page, 'member-profile');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Points history' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await screenshot(page, 'member-profile-en');
    await page.getByRole('button', { name: 'Русский' }).click();

    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.getByRole('heading', { name: 'Вход в консоль' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Вход в консоль' }).waitFor();
    await page.context().close();
  });
});
