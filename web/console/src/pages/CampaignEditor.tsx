import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api, ok, ProblemError } from '../api/client.ts';
import { BacktestPanel } from '../editor/BacktestPanel.tsx';
import { asPublished, type Campaign, campaignIssues, fieldId, newCampaign, withCampaign } from '../editor/campaign.ts';
import { CampaignGeneral } from '../editor/CampaignGeneral.tsx';
import { CampaignLimits } from '../editor/CampaignLimits.tsx';
import { ConditionTree } from '../editor/ConditionTree.tsx';
import { EffectList } from '../editor/EffectList.tsx';
import { IssueLink, IssuesContext } from '../editor/issues.tsx';
import { CampaignScope } from '../editor/CampaignScope.tsx';
import { PublishPanel } from '../editor/PublishPanel.tsx';
import { SimulatePanel } from '../editor/SimulatePanel.tsx';
import { Refusal } from '../components/Refusal.tsx';

/** What the editor needs before it can show a campaign: the catalogue, the rules in force, tiers and stores. */
function useEditorData(code: string | undefined) {
  return useQuery({
    queryKey: ['campaign-editor', code ?? null],
    queryFn: async () => {
      const [catalogue, rules, programme, stores] = await Promise.all([
        api.GET('/v1/rules/catalogue').then(ok),
        api.GET('/v1/rules').then(ok),
        api.GET('/v1/program').then(ok),
        api.GET('/v1/stores').then(ok),
      ]);
      const published = code ? asPublished(ok(await api.GET('/v1/campaigns/{code}', { params: { path: { code } } }))) : null;
      return { catalogue, rules: rules.rules, version: rules.version, tiers: programme.settings.tiers, stores: stores.items, published };
    },
    staleTime: Infinity,
  });
}

/** A campaign built in a form generated from the rule catalogue, tried on a sample receipt and past receipts, then published. */
export function CampaignEditor() {
  const { code } = useParams();
  const data = useEditorData(code);
  const { t } = useTranslation();
  if (data.isError) return <Refusal error={data.error} />;
  if (!data.data) return <p role="status">{t('common.loading')}</p>;
  // A new published version starts the editor afresh from it.
  return <Editor key={`${code ?? 'new'}@${data.data.version}`} {...data.data} />;
}

function Editor({ catalogue, rules, tiers, stores, published }: NonNullable<ReturnType<typeof useEditorData>['data']>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const publishedVersion = (useLocation().state as { publishedVersion?: number } | null)?.publishedVersion;
  const [draft, setDraft] = useState<Campaign>(() => published ?? newCampaign());
  const [issues, setIssues] = useState<Map<string, string>>(new Map());
  const draftRules = () => withCampaign(rules, draft, published?.code ?? null);

  /** A refusal that names fields is shown at them (others are said by the panel that asked); an answer clears them. */
  const checked = (error: unknown) => {
    if (!(error instanceof ProblemError) || !error.problem.errors) return setIssues(new Map());
    const found = campaignIssues(error.problem.errors, error.problem.code === 'invalid_rules' ? draftRules().index : null);
    setIssues(found);
    const first = [...found.keys()][0];
    if (first !== undefined) document.getElementById(fieldId(first))?.focus();
  };

  return (
    <IssuesContext.Provider value={issues}>
      <section aria-labelledby="editor-title" className="editor">
        <p>
          <Link to="/campaigns">← {t('campaigns.back')}</Link>
        </p>
        <h1 id="editor-title">{published ? t('editor.titleEdit', { name: published.name }) : t('editor.titleNew')}</h1>
        {publishedVersion !== undefined && (
          <p className="done" role="status">
            {t('publish.done', { version: publishedVersion })}
          </p>
        )}
        {issues.size > 0 && (
          <div className="issues" role="alert">
            <p>{t('editor.issues', { count: issues.size })}</p>
            <ul>
              {[...issues].map(([path, message]) => (
                <li key={path}>
                  <IssueLink path={path} />: {message}
                </li>
              ))}
            </ul>
          </div>
        )}
        <CampaignGeneral draft={draft} isNew={!published} tiers={tiers} onChange={setDraft} />
        <CampaignScope draft={draft} stores={stores} onChange={setDraft} />
        <section className="panel" aria-labelledby="conditions-title">
          <h2 id="conditions-title">{t('editor.conditions')}</h2>
          <ConditionTree node={draft.conditions} path="conditions" catalogue={catalogue} trigger={draft.trigger} onChange={(conditions) => setDraft({ ...draft, conditions })} />
        </section>
        <section className="panel" aria-labelledby="effects-title">
          <h2 id="effects-title">{t('editor.effects')}</h2>
          <EffectList effects={draft.effects} catalogue={catalogue} trigger={draft.trigger} onChange={(effects) => setDraft({ ...draft, effects })} />
        </section>
        <CampaignLimits limits={draft.limits} onChange={(limits) => setDraft({ ...draft, limits })} />
        <SimulatePanel rules={() => draftRules().rules} stores={stores} onChecked={checked} />
        <BacktestPanel rules={() => draftRules().rules} onChecked={checked} />
        <PublishPanel
          published={published}
          draft={draft}
          onChecked={checked}
          onPublished={(version) => void navigate(`/campaigns/${encodeURIComponent(draft.code)}`, { replace: true, state: { publishedVersion: version } })}
        />
      </section>
    </IssuesContext.Provider>
  );
}
