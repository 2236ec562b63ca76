// Message templates: text with {{variables}}, filled from the member, the event and the programme, in Russian or
// English. `{{points|plural:балл,балла,баллов}}` gives the word for the number (1 балл, 2 балла, 5 баллов; in English
// one, other); `{{expiresAt|date}}` a date in the programme's time zone; `{{paid|money}}` kopecks as roubles.

export const languages = ['ru', 'en'] as const;
export type Language = (typeof languages)[number];

/** A template's text in each language: Russian always, English when the programme writes to members in it. */
export type Localised = { ru: string; en?: string | undefined };

export type Values = Record<string, string | number | null>;

const placeholder = /\{\{\s*([a-zA-Z][\w.]*)\s*(?:\|\s*(plural|date|money)\s*(?::([^}]*))?)?\}\}/g;
const anyBraces = /\{\{|\}\}/;

/** The variables a text refers to, and the problems of its placeholders (unknown variables, malformed ones). */
export function checkText(text: string, known: readonly string[]): string[] {
  const problems: string[] = [];
  for (const m of text.matchAll(placeholder)) {
    const [, name, filter, args] = m as unknown as [string, string, string | undefined, string | undefined];
    if (!known.includes(name)) problems.push(`unknown variable {{${name}}}; known: ${known.join(', ')}`);
    if (filter === 'plural' && (!args || args.split(',').some((w) => !w.trim()))) problems.push(`{{${name}|plural:…}} needs its word forms, e.g. plural:балл,балла,баллов`);
  }
  if (anyBraces.test(text.replace(placeholder, ''))) problems.push('a {{ or }} that is not a variable, such as {{name}} or {{points|plural:балл,балла,баллов}}');
  return problems;
}

/** The word for `n` among the forms given: Russian one, few, many (1 балл, 2 балла, 5 баллов); English one, other. */
export function plural(n: number, forms: string[], language: Language): string {
  const category = new Intl.PluralRules(language).select(n);
  const order = language === 'ru' ? ['one', 'few', 'many'] : ['one', 'other'];
  const index = order.indexOf(category);
  return (forms[index === -1 ? forms.length - 1 : index] ?? forms[forms.length - 1] ?? '').trim();
}

/** The text with each variable filled in; a variable without a value is left empty. */
export function render(text: string, values: Values, language: Language, timezone: string): string {
  return text.replace(placeholder, (_, name: string, filter: string | undefined, args: string | undefined) => {
    const value = values[name];
    if (value === null || value === undefined) return '';
    if (filter === 'plural') return plural(Number(value), (args ?? '').split(','), language);
    if (filter === 'date') return longDate(new Date(value), language, timezone);
    if (filter === 'money') return new Intl.NumberFormat(language === 'ru' ? 'ru-RU' : 'en-GB', { style: 'currency', currency: 'RUB' }).format(Number(value) / 100);
    return String(value);
  });
}

/** A date as a letter writes it, in the programme's time zone: 31 декабря 2026 г., 31 December 2026. */
export const longDate = (at: Date, language: Language, timezone: string) => new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'long', timeZone: timezone }).format(at);

/** The text in the member's language, else Russian. */
export const inLanguage = (text: Localised, language: Language): string => (language === 'en' && text.en ? text.en : text.ru);
