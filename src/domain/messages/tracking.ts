// Open and click tracking of an e-mail's HTML: an invisible image whose loading marks it opened, and links that
// pass through the server, which marks it clicked and forwards to where the link pointed.

/**
 * The HTML with each http(s) link for which `track` gives an address led through that address instead (links it
 * gives null for, such as the unsubscribe link, stay as they are), and the pixel before the body's end.
 */
export function withTracking(html: string, pixel: string, track: (url: string) => string | null): string {
  const linked = html.replace(/(<a\b[^>]*?\bhref\s*=\s*)(["'])(https?:\/\/[^"']+)\2/gi, (whole, start: string, quote: string, url: string) => {
    const through = track(url.replaceAll('&amp;', '&'));
    return through ? `${start}${quote}${through.replaceAll('&', '&amp;')}${quote}` : whole;
  });
  const image = `<img src="${pixel}" width="1" height="1" alt="" style="display:block;border:0;width:1px;height:1px">`;
  return /<\/body>/i.test(linked) ? linked.replace(/<\/body>/i, `${image}</body>`) : linked + image;
}
