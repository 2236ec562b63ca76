import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useProblemText } from '../problems.ts';
import { useSignIn } from '../session.ts';

/** E-mail and password; a wrong one, a locked account or an ended session is said in words. */
export function SignIn() {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const problemText = useProblemText();
  const [error, setError] = useState<string | null>(() => (sessionStorage.getItem('kopilka.expired') ? t('signIn.expired') : null));
  const [working, setWorking] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setWorking(true);
    setError(null);
    try {
      await signIn(String(form.get('email')), String(form.get('password')));
      sessionStorage.removeItem('kopilka.expired');
    } catch (failure) {
      setError(problemText(failure));
    } finally {
      setWorking(false);
    }
  };

  return (
    <main className="sign-in" id="content">
      <div className="language-corner">
        <LanguageSwitch />
      </div>
      <form onSubmit={(e) => void submit(e)} aria-labelledby="sign-in-title">
        <p className="brand">{t('app.name')}</p>
        <h1 id="sign-in-title">{t('signIn.title')}</h1>
        <label htmlFor="email">{t('signIn.email')}</label>
        <input id="email" name="email" type="email" autoComplete="username" required autoFocus />
        <label htmlFor="password">{t('signIn.password')}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={working}>
          {working ? t('signIn.working') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
