import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en.ts';
import { ru } from './locales/ru.ts';

export const languages = ['ru', 'en'] as const;
export type Language = (typeof languages)[number];
const stored = localStorage.getItem('kopilka.language');
const initial: Language = stored === 'en' ? 'en' : 'ru';

void i18next.use(initReactI18next).init({
  lng: initial,
  fallbackLng: 'ru',
  resources: { ru: { translation: ru }, en: { translation: en } },
  interpolation: { escapeValue: false },
});
document.documentElement.lang = initial;

/** Switches the console's language and remembers it in this browser. */
export function chooseLanguage(language: Language) {
  localStorage.setItem('kopilka.language', language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

export default i18next;
