import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, type Member, ok, ProblemError, withPersonalData } from '../api/client.ts';
import { useFormat } from '../format.ts';
import { lookupsFor } from './member-query.ts';
import { Refusal } from '../components/Refusal.tsx';
import { MoreButton } from '../components/MoreButton.tsx';

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
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const found = useQuery({ queryKey: ['members', 'find', query], queryFn: () => findMember(query), enabled: query.trim() !== '' });
  // Text with letters is also part of a name: those members come a page at a time.
  const byName = useInfiniteQuery({
    queryKey: ['members', 'name', query],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      ok(await api.GET('/v1/members/search', { params: { query: { name: query.trim(), limit: 20, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (page) => page.next ?? undefined,
    enabled: /\p{L}{2}/u.test(query),
  });
  const members = [...(found.data ? [found.data] : []), ...(byName.data?.pages.flatMap((page) => page.items) ?? []).filter((m) => m.id !== found.data?.id)];
  const searching = found.isFetching || byName.isFetching;
  const failed = found.error ?? byName.error;

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
        {searching && <p role="status">{t('members.searching')}</p>}
        <Refusal error={failed} />
        {query && !searching && !failed && members.length === 0 && <p className="empty">{t('members.nothing', { query })}</p>}
        {members.length > 0 && (
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
              {members.map((m) => (
                <tr key={m.id}>
                  <td>
                    <Link to={`/members/${m.id}`}>{m.name ?? t('member.unnamed')}</Link>
                  </td>
                  <td>{m.phone}</td>
                  <td>{m.email}</td>
                  <td>{m.tierCode ?? t('member.noTier')}</td>
                  <td className="num">{format.number(m.pointsAvailable)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <MoreButton pages={byName} />
      </div>
    </section>
  );
}
