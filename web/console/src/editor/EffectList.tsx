import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client.ts';
import { ArgsForm } from './ArgsForm.tsx';
import { type Effect, fieldId } from './campaign.ts';
import { PartIssue } from './issues.tsx';
import { defaults, type JsonSchema } from './schema-form.ts';

/** What the campaign gives: points, discounts, gifts, coupons, a tier — each with the inputs of its arguments. */
export function EffectList({ effects, catalogue, trigger, onChange }: {
  effects: Effect[];
  catalogue: Schemas['RuleCatalogue'];
  trigger: 'receipt' | 'event';
  onChange: (effects: Effect[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'ru';
  return (
    <div>
      <PartIssue path="effects" />
      {effects.length === 0 && <p className="hint">{t('editor.noEffects')}</p>}
      {effects.map((effect, i) => {
        const entry = catalogue.effects.find((e) => e.code === effect.code);
        return (
          <div className="condition" key={`${i}-${effect.code}`}>
            <div className="condition-head">
              <strong>{entry ? entry.title[language] : effect.code}</strong>
              <button type="button" className="quiet small" onClick={() => onChange(effects.filter((_, j) => j !== i))}>
                {t('editor.remove')}
              </button>
            </div>
            <PartIssue path={`effects.${i}`} />
            {entry && (
              <ArgsForm
                schema={entry.args as JsonSchema}
                args={effect.args}
                path={`effects.${i}.args`}
                onChange={(args) => onChange(effects.map((e, j) => (j === i ? { code: e.code, args } : e)))}
              />
            )}
          </div>
        );
      })}
      <div className="row">
        <label htmlFor={fieldId('effects-add')}>{t('editor.addEffect')}</label>
        <select
          id={fieldId('effects-add')}
          value=""
          onChange={(e) => {
            const entry = catalogue.effects.find((x) => x.code === e.target.value);
            if (entry) onChange([...effects, { code: entry.code, args: defaults(entry.args as JsonSchema) }]);
          }}
        >
          <option value="">—</option>
          {catalogue.effects
            .filter((x) => x.triggers.includes(trigger))
            .map((x) => (
              <option key={x.code} value={x.code}>
                {x.title[language]}
              </option>
            ))}
        </select>
      </div>
    </div>
  );
}
