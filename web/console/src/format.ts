import { useTranslation } from 'react-i18next';

const locales = { ru: 'ru-RU', en: 'en-GB' } as const;

/** Numbers, points, roubles and dates in the console's language, through Intl. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = locales[i18n.language as keyof typeof locales] ?? 'ru-RU';
  const number = new Intl.NumberFormat(locale);
  const signed = new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' });
  const roubles = new Intl.NumberFormat(locale, { style: 'currency', currency: 'RUB' });
  const wholeRoubles = new Intl.NumberFormat(locale, { style: 'currency', currency: 'RUB', maximumFractionDigits: 0 });
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  const dayMonth = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const signedRoubles = new Intl.NumberFormat(locale, { style: 'currency', currency: 'RUB', signDisplay: 'exceptZero' });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    number: (n: number) => number.format(n),
    /** A measure with up to `digits` decimals. */
    decimal: (n: number, digits = 2) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n),
    /** A model's parameter, to four significant digits however large or small. */
    significant: (n: number) => new Intl.NumberFormat(locale, { maximumSignificantDigits: 4, notation: n !== 0 && (Math.abs(n) >= 1e6 || Math.abs(n) < 1e-3) ? 'scientific' : 'standard' }).format(n),
    signed: (n: number) => signed.format(n),
    /** Kopecks as roubles. */
    money: (kopecks: number) => roubles.format(kopecks / 100),
    /** Roubles (major units). */
    roubles: (amount: number) => roubles.format(amount),
    signedRoubles: (amount: number) => signedRoubles.format(amount),
    /** Kopecks as whole roubles, for large totals. */
    wholeMoney: (kopecks: number) => wholeRoubles.format(Math.round(kopecks / 100)),
    /** A number short enough for a chart's axis: 12 тыс., 1,5 млн. */
    compact: (n: number) => compact.format(n),
    /** A calendar day (YYYY-MM-DD) as "5 дек.". */
    dayMonth: (isoDay: string) => dayMonth.format(new Date(`${isoDay}T00:00:00Z`)),
    date: (iso: string) => date.format(new Date(iso)),
    /** A calendar day such as a birth date (YYYY-MM-DD), the same everywhere. */
    day: (isoDay: string) => day.format(new Date(`${isoDay}T00:00:00Z`)),
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
  };
}
