import { useTranslation } from 'react-i18next';
import { chooseLanguage, languages } from '../i18n.ts';

const names = { ru: 'Русский', en: 'English' } as const;

/** Russian or English, remembered in this browser. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language" role="group" aria-label={t('nav.language')}>
      {languages.map((language) => (
        <button key={language} type="button" lang={language} aria-pressed={i18n.language === language} onClick={() => chooseLanguage(language)}>
          {names[language]}
        </button>
      ))}
    </div>
  );
}
