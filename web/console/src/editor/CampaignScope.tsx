import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client.ts';
import { type Campaign, fieldId } from './campaign.ts';
import { PartIssue } from './issues.tsx';

const channels = ['till', 'online', 'app', 'partner'] as const;

/** Where a receipt campaign applies: some stores, some channels, or (nothing chosen) everywhere. */
export function CampaignScope({ draft, stores, onChange }: { draft: Campaign; stores: Schemas['Store'][]; onChange: (draft: Campaign) => void }) {
  const { t } = useTranslation();
  if (draft.trigger !== 'receipt') return null;
  const chosen = new Set(draft.scope.stores);
  const chosenChannels = new Set(draft.scope.channels);
  const toggle = <T extends string>(all: readonly T[], picked: Set<T>, item: T, on: boolean) => all.filter((x) => (x === item ? on : picked.has(x)));
  return (
    <section className="panel" aria-labelledby="scope-title">
      <h2 id="scope-title">{t('editor.scope')}</h2>
      <p className="hint">{t('editor.scopeHint')}</p>
      <PartIssue path="scope" />
      <fieldset className="choices">
        <legend>{t('editor.channels')}</legend>
        {channels.map((channel) => (
          <span className="check" key={channel}>
            <input
              type="checkbox"
              id={fieldId(`scope.channels.${channel}`)}
              checked={chosenChannels.has(channel)}
              onChange={(e) => onChange({ ...draft, scope: { ...draft.scope, channels: toggle(channels, chosenChannels, channel, e.target.checked) } })}
            />
            <label htmlFor={fieldId(`scope.channels.${channel}`)}>{t(`stores.channels.${channel}`)}</label>
          </span>
        ))}
      </fieldset>
      <fieldset className="choices scroll">
        <legend>{t('editor.stores')}</legend>
        {stores.map((store) => (
          <span className="check" key={store.code}>
            <input
              type="checkbox"
              id={fieldId(`scope.stores.${store.code}`)}
              checked={chosen.has(store.code)}
              onChange={(e) => {
                const codes = stores.map((s) => s.code);
                // Stores the rules name that no longer exist stay chosen, so the server can name them.
                const unknown = draft.scope.stores.filter((code) => !codes.includes(code));
                onChange({ ...draft, scope: { ...draft.scope, stores: [...toggle(codes, chosen, store.code, e.target.checked), ...unknown] } });
              }}
            />
            <label htmlFor={fieldId(`scope.stores.${store.code}`)}>{store.name}</label>
          </span>
        ))}
        <PartIssue path="scope.stores" />
      </fieldset>
    </section>
  );
}
