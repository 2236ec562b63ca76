import { describe, expect, it } from 'vitest';
import { withTracking } from './tracking.ts';

describe('tracking an e-mail', () => {
  const track = (url: string) => (url.includes('/u/') ? null : `https://k.example/c/t?to=${encodeURIComponent(url)}`);

  it('leads links through the click address, leaves the unsubscribe link, and puts the pixel before the body ends', () => {
    const html = `<html><body><a class="b" href="https://shop.example/sale?a=1&amp;b=2">Скидки</a> <a href='https://k.example/u/x'>Отписаться</a></body></html>`;
    const out = withTracking(html, 'https://k.example/o/t', track);
    expect(out).toContain(`<a class="b" href="https://k.example/c/t?to=${encodeURIComponent('https://shop.example/sale?a=1&b=2')}">Скидки</a>`);
    expect(out).toContain(`href='https://k.example/u/x'`);
    expect(out).toMatch(/<img src="https:\/\/k\.example\/o\/t"[^>]*><\/body><\/html>$/);
  });

  it('leaves mailto links and adds the pixel at the end of a fragment', () => {
    const out = withTracking('<p><a href="mailto:help@shop.example">Помощь</a></p>', 'https://k.example/o/t', track);
    expect(out).toContain('href="mailto:help@shop.example"');
    expect(out.endsWith('alt="" style="display:block;border:0;width:1px;height:1px">')).toBe(true);
  });
});
