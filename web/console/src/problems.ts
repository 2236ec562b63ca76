import { useTranslation } from 'react-i18next';
import { ProblemError } from './api/client.ts';
import type { Messages } from './locales/messages.ts';

type Known = Exclude<keyof Messages['problems'], 'network' | 'other'>;

/** A failed request as a sentence in the console's language: known problem codes in our words, others in the server's. */
export function useProblemText() {
  const { t, i18n } = useTranslation();
  return (error: unknown): string => {
    if (!(error instanceof ProblemError)) return t('problems.network');
    const { code, detail, retryAfter } = error.problem;
    const known = `problems.${code as Known}` as const;
    if (!i18n.exists(known)) return t('problems.other', { detail });
    return t(known, { detail, minutes: Math.max(1, Math.ceil((retryAfter ?? 60) / 60)) });
  };
}
