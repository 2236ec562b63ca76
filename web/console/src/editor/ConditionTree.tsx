import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client.ts';
import { ArgsForm } from './ArgsForm.tsx';
import type { ConditionNode } from './campaign.ts';
import { fieldId } from './campaign.ts';
import { PartIssue } from './issues.tsx';
import { defaults, type JsonSchema } from './schema-form.ts';

type Catalogue = Schemas['RuleCatalogue'];
type Trigger = 'receipt' | 'event';

/** The kind of a node: a group that needs all, any or none of its parts, or one catalogue condition. */
const kindOf = (node: ConditionNode) => ('all' in node ? 'all' : 'any' in node ? 'any' : 'not' in node ? 'not' : 'condition');

/**
 * The campaign's conditions as a tree a marketer builds: groups where all or any of the parts must hold, a "not",
 * and conditions from the catalogue, each with the inputs of its arguments.
 */
export function ConditionTree({ node, path, catalogue, trigger, onChange, onRemove }: {
  node: ConditionNode;
  path: string;
  catalogue: Catalogue;
  trigger: Trigger;
  onChange: (node: ConditionNode) => void;
  onRemove?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'ru';
  const kind = kindOf(node);

  if ('code' in node) {
    const entry = catalogue.conditions.find((c) => c.code === node.code);
    return (
      <div className="condition">
        <div className="condition-head">
          <strong>{entry ? entry.title[language] : node.code}</strong>
          {onRemove && (
            <button type="button" className="quiet small" onClick={onRemove}>
              {t('editor.remove')}
            </button>
          )}
        </div>
        <PartIssue path={path} />
        {entry && <ArgsForm schema={entry.args as JsonSchema} args={node.args} path={`${path}.args`} onChange={(args) => onChange({ code: node.code, args })} />}
      </div>
    );
  }

  if ('not' in node)
    return (
      <fieldset className="condition-group">
        <legend>{t('editor.not')}</legend>
        <ConditionTree node={node.not} path={`${path}.not`} catalogue={catalogue} trigger={trigger} onChange={(inner) => onChange({ not: inner })} />
        {onRemove && (
          <button type="button" className="quiet small" onClick={onRemove}>
            {t('editor.remove')}
          </button>
        )}
      </fieldset>
    );

  const parts = 'all' in node ? node.all : node.any;
  const rebuild = (next: ConditionNode[]): ConditionNode => (kind === 'all' ? { all: next } : { any: next });
  const selectId = `${fieldId(path)}-add`;
  return (
    <fieldset className="condition-group">
      <legend>
        <label htmlFor={`${fieldId(path)}-mode`} className="visually-hidden">
          {t('editor.groupMode')}
        </label>
        <select id={`${fieldId(path)}-mode`} value={kind} onChange={(e) => onChange(e.target.value === 'all' ? { all: parts } : { any: parts })}>
          <option value="all">{t('editor.all')}</option>
          <option value="any">{t('editor.any')}</option>
        </select>
      </legend>
      <PartIssue path={path} />
      {parts.length === 0 && <p className="hint">{t('editor.noConditions')}</p>}
      {parts.map((part, i) => (
        <ConditionTree
          key={`${i}-${'code' in part ? part.code : kindOf(part)}`}
          node={part}
          path={`${path}.${kind}.${i}`}
          catalogue={catalogue}
          trigger={trigger}
          onChange={(changed) => onChange(rebuild(parts.map((p, j) => (j === i ? changed : p))))}
          onRemove={() => onChange(rebuild(parts.filter((_, j) => j !== i)))}
        />
      ))}
      <div className="row">
        <label htmlFor={selectId}>{t('editor.addCondition')}</label>
        <select
          id={selectId}
          value=""
          onChange={(e) => {
            const choice = e.target.value;
            if (!choice) return;
            const entry = catalogue.conditions.find((c) => c.code === choice);
            const added: ConditionNode =
              choice === '#all' ? { all: [] } : choice === '#any' ? { any: [] } : choice === '#not' ? { not: { all: [] } } : { code: choice, args: entry ? defaults(entry.args as JsonSchema) : {} };
            onChange(rebuild([...parts, added]));
          }}
        >
          <option value="">—</option>
          {catalogue.conditions
            .filter((c) => c.triggers.includes(trigger))
            .map((c) => (
              <option key={c.code} value={c.code}>
                {c.title[language]}
              </option>
            ))}
          <option value="#all">{t('editor.groupAll')}</option>
          <option value="#any">{t('editor.groupAny')}</option>
          <option value="#not">{t('editor.groupNot')}</option>
        </select>
        {onRemove && (
          <button type="button" className="quiet small" onClick={onRemove}>
            {t('editor.removeGroup')}
          </button>
        )}
      </div>
    </fieldset>
  );
}
