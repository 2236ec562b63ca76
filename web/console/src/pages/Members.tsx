import { useQuery } from '@tanstack/react-query';
import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, type Member, ok, ProblemError, withPersonalData } from '../api/client.ts';
import { useFormat } from '../format.ts';
import { useProblemText } from '../problems.ts';
import { lookupsFor } from './member-query.ts';

/** The first member one of the lookups finds, or null when none does. */
async function findMember(text: string): Promise<Member | null> {
  for (const query of lookupsFor(text)) {
    try {
      return withPersonalData(ok(await api.GET('/v1/members', { params: { query } })));
    } catch (error) {
      if (error instanceof ProblemError && (error.problem.code === 'member_not_found' || error.problem.code === 'validation_failed')) continue;
      throw error;
    }
  }
  return null;
}

/** Search for a member by what support is told on the phone: a phone number, e-mail or card. */
export function Members() {
  const { t } = useTranslation();
  const format = useFormat();
  const problemText = useProblemText();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const found = useQuery({ queryKey: ['members', 'find', query], queryFn: () => findMember(query), enabled: query.trim() !== '' });

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get('q') ?? '').trim();
    setParams(text ? { q: text } : {});
  };

  return (
    <section aria-labelledby="members-title">
      <h1 id="members-title">{t('members.title')}</h1>
      <form className="search" role="search" onSubmit={search}>
        <label htmlFor="member-search">{t('members.search')}</label>
        <div className="row">
          <input id="member-search" name="q" type="search" defaultValue={query} aria-describedby="member-search-hint" autoFocus />
          <button type="submit">{t('members.find')}</button>
        </div>
        <p id="member-search-hint" className="hint">
          {t('members.searchHint')}
        </p>
      </form>
      <div aria-live="polite">
        {!query && <p className="empty">{t('members.prompt')}</p>}
        {found.isFetching && <p role="status">{t('members.searching')}</p>}
        {found.isError && (
          <p className="error" role="alert">
            {problemText(found.error)}
          </p>
        )}
        {found.isSuccess && found.data === null && <p className="empty">{t('members.nothing', { query })}</p>}
        {found.data && (
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t('members.name')}</th>
                <th scope="col">{t('member.phone')}</th>
                <th scope="col">{t('member.email')}</th>
                <th scope="col">{t('member.tier')}</th>
                <th scope="col" className="num">
                  {t('balance.available')}
                </th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>
                  <Link to={`/members/${found.data.id}`}>{found.data.name ?? t('member.unnamed')}</Link>
                </td>
                <td>{found.data.phone}</td>
                <td>{found.data.email}</td>
                <td>{found.data.tierCode ?? t('member.noTier')}</td>
                <td className="num">{format.number(found.data.pointsAvailable)}</td>
              </tr>
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
