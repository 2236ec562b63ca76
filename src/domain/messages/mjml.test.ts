import { describe, expect, it } from 'vitest';
import { htmlFromMjml } from './mjml.ts';

describe('e-mail HTML from MJML', () => {
  it('makes HTML of each language, the variables left for the template', async () => {
    const made = await htmlFromMjml({
      ru: '<mjml><mj-body><mj-section><mj-column><mj-text>Привет, {{name}}!</mj-text><mj-button href="{{unsubscribeUrl}}">Отписаться</mj-button></mj-column></mj-section></mj-body></mjml>',
      en: '<mjml><mj-body><mj-section><mj-column><mj-text>Hello, {{name}}!</mj-text></mj-column></mj-section></mj-body></mjml>',
    });
    if (!made.ok) throw new Error(made.problems.join('; '));
    expect(made.html.ru).toMatch(/^<!doctype html>/i);
    expect(made.html.ru).toContain('Привет, {{name}}!');
    expect(made.html.ru).toContain('href="{{unsubscribeUrl}}"');
    expect(made.html.en).toContain('Hello, {{name}}!');
  });

  it('names every problem of broken MJML by language and line', async () => {
    const made = await htmlFromMjml({ ru: '<mjml><mj-body>\n<mj-sektion></mj-sektion></mj-body></mjml>', en: '<mjml><mj-body><mj-text>x</mj-text></mj-body></mjml>' });
    expect(made.ok).toBe(false);
    if (made.ok) return;
    expect(made.problems).toEqual([
      expect.stringMatching(/^mjml\.ru: Line 2 .*mj-sektion doesn't exist/),
      expect.stringMatching(/^mjml\.en: Line 1 .*mj-text cannot be used inside mj-body/),
    ]);
  });
});
