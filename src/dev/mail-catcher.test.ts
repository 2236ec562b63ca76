import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../test/ports.ts';
import { startMailCatcher } from './mail-catcher.ts';

describe('the development mail catcher', () => {
  it('takes a mail with any login and prints who it is for, the subject and the text', async () => {
    const port = await freePort();
    const printed: string[] = [];
    const server = await startMailCatcher(port, '127.0.0.1', (text) => printed.push(text));
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, auth: { user: 'any', pass: 'thing' } });
    await transport.sendMail({ from: 'bonus@shop.example.ru', to: 'anna@example.ru', subject: 'Проверка', text: 'Баллы сгорят 1 декабря' });
    transport.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/to anna@example\.ru\nSubject: Проверка\n\nБаллы сгорят 1 декабря/);
  });
});
