import { describe, expect, it } from 'vitest';
import { checkText, plural, render } from './template.ts';

describe('message templates', () => {
  it('give Russian and English plural forms', () => {
    const forms = ['балл', 'балла', 'баллов'];
    expect([1, 2, 4, 5, 11, 12, 21, 22, 25, 101, 111].map((n) => `${n} ${plural(n, forms, 'ru')}`)).toEqual([
      '1 балл', '2 балла', '4 балла', '5 баллов', '11 баллов', '12 баллов', '21 балл', '22 балла', '25 баллов', '101 балл', '111 баллов',
    ]);
    expect([1, 2, 0].map((n) => plural(n, ['point', 'points'], 'en'))).toEqual(['point', 'points', 'points']);
  });

  it('fill variables, dates in the programme’s zone and money in roubles', () => {
    const text = '{{name}}, {{points}} {{points|plural:балл,балла,баллов}} сгорят {{expiresAt|date}}; покупок на {{paid|money}}';
    expect(render(text, { name: 'Анна', points: 21, expiresAt: '2026-12-31T21:30:00Z', paid: 123_450 }, 'ru', 'Europe/Moscow')).toBe(
      'Анна, 21 балл сгорят 1 января 2027 г.; покупок на 1\u00a0234,50\u00a0₽',
    );
    expect(render('Hi {{name}}', { name: null }, 'en', 'UTC')).toBe('Hi ');
  });

  it('name unknown variables, plurals without forms and stray braces', () => {
    expect(checkText('{{name}} {{points|plural:балл,балла,баллов}}', ['name', 'points'])).toEqual([]);
    expect(checkText('{{nmae}}', ['name'])).toEqual(['unknown variable {{nmae}}; known: name']);
    expect(checkText('{{points|plural}}', ['points'])[0]).toMatch(/word forms/);
    expect(checkText('{{ points | money }} {{oops', ['points'])[0]).toMatch(/not a variable/);
  });
});
