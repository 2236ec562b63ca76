import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../api/client.ts';
import { JsonDiff } from '../components/JsonDiff.tsx';
import type { Campaign } from './campaign.ts';
import { Refusal } from '../components/Refusal.tsx';

/** The draft against the published campaign, line by line, and the button that makes it the rules in force (the page then shows the new version). */
export function PublishPanel({ published, draft, onPublished, onChecked }: {
  published: Campaign | null;
  draft: Campaign;
  onPublished: (version: number) => void;
  onChecked: (refusal: unknown) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const changed = JSON.stringify(published) !== JSON.stringify(draft);
  const publish = useMutation({
    mutationFn: async () => ok(await api.PUT('/v1/campaigns/{code}', { params: { path: { code: draft.code } }, body: draft })),
    onSuccess: async (answer) => {
      await client.invalidateQueries({ queryKey: ['campaigns'] });
      await client.invalidateQueries({ queryKey: ['campaign-editor'] });
      onChecked(null);
      onPublished(answer.version);
    },
    onError: onChecked,
  });

  return (
    <section className="panel" aria-labelledby="publish-title">
      <h2 id="publish-title">{t('publish.title')}</h2>
      <p className="hint">{published ? t('publish.hintChange') : t('publish.hintNew')}</p>
      {changed ? (
        <JsonDiff before={published} after={draft} label={t('publish.diff')} />
      ) : (
        <p className="empty">{t('publish.unchanged')}</p>
      )}
      <button type="button" onClick={() => publish.mutate()} disabled={publish.isPending || !changed || !draft.code}>
        {publish.isPending ? t('publish.working') : t('publish.run')}
      </button>
      <div aria-live="polite">
        <Refusal error={publish.error} />
      </div>
    </section>
  );
}
