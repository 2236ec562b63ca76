import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, done, ProblemError } from '../api/client.ts';
import { useProblemText } from '../problems.ts';
import { sessionKey } from '../session.ts';

/**
 * The staff member's own password: the current one and a new one typed twice. After a one-time password it is the
 * only page there is.
 */
export function ChangePassword({ oneTime }: { oneTime: boolean }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const client = useQueryClient();
  const [error, setError] = useState<{ text: string; field?: string } | null>(null);
  const [changed, setChanged] = useState(false);
  const [working, setWorking] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const [currentPassword, newPassword, repeated] = ['current', 'new', 'repeat'].map((name) => String(form.get(name) ?? ''));
    setError(null);
    if (newPassword !== repeated) return setError({ text: t('password.mismatch'), field: 'repeat' });
    setWorking(true);
    try {
      done(await api.POST('/session/password', { body: { currentPassword: currentPassword!, newPassword: newPassword! } }));
      setChanged(true);
      await client.invalidateQueries({ queryKey: sessionKey });
    } catch (failure) {
      const field = failure instanceof ProblemError ? failure.problem.field : undefined;
      setError({ text: problemText(failure), ...(field ? { field: field === 'currentPassword' ? 'current' : 'new' } : {}) });
    } finally {
      setWorking(false);
    }
  };

  const invalid = (field: string) => (error?.field === field ? { 'aria-invalid': true, 'aria-describedby': 'password-error' } : {});
  const Frame = oneTime ? 'main' : 'section';
  return (
    <Frame className={oneTime ? 'sign-in' : undefined} id={oneTime ? 'content' : undefined} aria-labelledby="password-title">
      <form onSubmit={(e) => void submit(e)} className={oneTime ? undefined : 'panel stack narrow'}>
        <h1 id="password-title">{oneTime ? t('password.oneTimeTitle') : t('password.title')}</h1>
        {oneTime && <p className="hint">{t('password.oneTimeHint')}</p>}
        <label htmlFor="password-current">{oneTime ? t('password.oneTime') : t('password.current')}</label>
        <input id="password-current" name="current" type="password" autoComplete="current-password" required {...invalid('current')} />
        <label htmlFor="password-new">{t('password.new')}</label>
        <input id="password-new" name="new" type="password" autoComplete="new-password" required minLength={10} aria-describedby="password-rules" {...invalid('new')} />
        <p className="hint" id="password-rules">
          {t('password.rules')}
        </p>
        <label htmlFor="password-repeat">{t('password.repeat')}</label>
        <input id="password-repeat" name="repeat" type="password" autoComplete="new-password" required {...invalid('repeat')} />
        {error && (
          <p className="error" role="alert" id="password-error">
            {error.text}
          </p>
        )}
        {changed && !oneTime && <p className="done">{t('password.done')}</p>}
        <button type="submit" disabled={working}>
          {t('password.submit')}
        </button>
      </form>
    </Frame>
  );
}
