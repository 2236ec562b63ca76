/** Which lookups a search box's text may mean, most likely first. */
export type MemberLookup = { phone: string } | { email: string } | { cardNumber: string } | { externalId: string };

export function lookupsFor(text: string): MemberLookup[] {
  const query = text.trim();
  if (!query) return [];
  if (query.includes('@')) return [{ email: query }];
  const digits = query.replace(/[\s()+-]/g, '');
  if (/^\d+$/.test(digits)) {
    const asCard = digits.length >= 8 && digits.length <= 19 ? [{ cardNumber: digits }] : [];
    const asPhone = digits.length >= 10 && digits.length <= 15 ? [{ phone: query }] : [];
    // Ten to fifteen digits read as a phone before a card number.
    return [...asPhone, ...asCard, { externalId: query }];
  }
  return [{ externalId: query }];
}
