import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../api/client.ts';
import { useFormat } from '../format.ts';
import { useMay } from '../session.ts';
import { JsonDiff } from './JsonDiff.tsx';
import { Refusal } from './Refusal.tsx';

const versionOf = async (version: number) => (version > 0 ? ok(await api.GET('/v1/rules/versions/{version}', { params: { path: { version } } })).rules : null);

/** The published versions of the rules, newest first: what each changed, and a roll-back to any of them. */
export function RuleVersions() {
  const { t } = useTranslation();
  const format = useFormat();
  const versions = useQuery({ queryKey: ['rules', 'versions'], queryFn: async () => ok(await api.GET('/v1/rules/versions')).items });
  const [open, setOpen] = useState<number | null>(null);
  return (
    <section className="panel" aria-labelledby="versions-title">
      <h2 id="versions-title">{t('versions.title')}</h2>
      <Refusal error={versions.error} />
      {versions.data?.length === 0 && <p className="empty">{t('versions.none')}</p>}
      <ol className="audit">
        {versions.data?.map((v, i) => (
          <li key={v.version} className="version">
            <div className="audit-head">
              <strong>{t('versions.version', { version: v.version })}</strong>
              <span>{format.dateTime(v.at)}</span>
              <span className="who">{v.actor}</span>
              <span>{t('versions.campaigns', { count: v.campaigns })}</span>
              <button type="button" className="quiet small" aria-expanded={open === v.version} onClick={() => setOpen(open === v.version ? null : v.version)}>
                {open === v.version ? t('audit.hide') : t('audit.show')}
              </button>
            </div>
            {open === v.version && <VersionChange version={v.version} latest={i === 0} />}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** What one version changed against the one before it, and the button that publishes it again. */
function VersionChange({ version, latest }: { version: number; latest: boolean }) {
  const { t } = useTranslation();
  const may = useMay();
  const client = useQueryClient();
  const change = useQuery({ queryKey: ['rules', 'change', version], queryFn: async () => ({ before: await versionOf(version - 1), after: await versionOf(version) }), staleTime: Infinity });
  const restore = useMutation({
    mutationFn: async () => ok(await api.PUT('/v1/rules', { body: change.data!.after as Record<string, unknown> })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['rules'] });
      await client.invalidateQueries({ queryKey: ['campaigns'] });
      await client.invalidateQueries({ queryKey: ['campaign-editor'] });
    },
  });
  if (!change.data) return <p role="status">{t('common.loading')}</p>;
  return (
    <div>
      <JsonDiff before={change.data.before} after={change.data.after} label={t('versions.diff', { version })} />
      {may('settings') && !latest && (
        <button type="button" onClick={() => restore.mutate()} disabled={restore.isPending}>
          {t('versions.restore', { version })}
        </button>
      )}
      <div aria-live="polite">
        <Refusal error={restore.error} />
        {restore.isSuccess && <p className="done">{t('versions.restored', { version, published: restore.data.version })}</p>}
      </div>
    </div>
  );
}
