import { useTranslation } from 'react-i18next';
import { type Args, type Field as FormField, fieldsOf, type JsonSchema, parsed, shown, withArg } from './schema-form.ts';
import { Field, PartIssue } from './issues.tsx';
import { fieldId } from './campaign.ts';

/** The inputs of a condition's or an effect's arguments, generated from their JSON Schema. */
export function ArgsForm({ schema, args, path, onChange }: { schema: JsonSchema; args: Args; path: string; onChange: (args: Args) => void }) {
  const fields = fieldsOf(schema);
  if (fields.length === 0) return null;
  return (
    <div className="args">
      {fields.map((field) => (
        <ArgInput key={field.key} field={field} value={args[field.key]} path={`${path}.${field.key}`} onChange={(value) => onChange(withArg(args, field.key, value))} />
      ))}
    </div>
  );
}

function ArgInput({ field, value, path, onChange }: { field: FormField; value: unknown; path: string; onChange: (value: unknown) => void }) {
  const { t, i18n } = useTranslation();
  const label = i18n.exists(`args.${field.key}`) ? t(`args.${field.key}` as 'args.min') : field.key;
  switch (field.kind) {
    case 'group':
      return (
        <fieldset className="group">
          <legend>{label}</legend>
          <PartIssue path={path} />
          {field.fields.map((inner) => {
            const group = (value ?? {}) as Args;
            return <ArgInput key={inner.key} field={inner} value={group[inner.key]} path={`${path}.${inner.key}`} onChange={(v) => onChange(withArg(group, inner.key, v))} />;
          })}
        </fieldset>
      );
    case 'boolean':
      return (
        <div className="check">
          <input type="checkbox" id={fieldId(path)} checked={value === true} onChange={(e) => onChange(e.target.checked)} />
          <label htmlFor={fieldId(path)}>{label}</label>
          <PartIssue path={path} />
        </div>
      );
    case 'choice':
      return (
        <Field path={path} label={label}>
          <select value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value || undefined)}>
            {!field.required || value === undefined ? <option value="">—</option> : null}
            {field.options.map((option) => (
              <option key={option} value={option}>
                {i18n.exists(`options.${option}`) ? t(`options.${option}` as 'options.eq') : option}
              </option>
            ))}
          </select>
        </Field>
      );
    case 'choices': {
      const chosen = new Set(Array.isArray(value) ? value : []);
      return (
        <fieldset className="choices">
          <legend>{label}</legend>
          {field.options.map((option) => {
            const id = `${fieldId(path)}-${option}`;
            const optionLabel = i18n.exists(`options.${field.key}.${option}`) ? t(`options.${field.key}.${option}` as 'options.eq') : String(option);
            return (
              <span key={option} className="check">
                <input
                  type="checkbox"
                  id={id}
                  checked={chosen.has(option)}
                  onChange={(e) => {
                    const next = field.options.filter((o) => (o === option ? e.target.checked : chosen.has(o)));
                    onChange(next.length ? next : undefined);
                  }}
                />
                <label htmlFor={id}>{optionLabel}</label>
              </span>
            );
          })}
          <PartIssue path={path} />
        </fieldset>
      );
    }
    default: {
      const hint = field.kind === 'list' ? t('editor.listHint') : field.kind === 'money' ? t('editor.moneyHint') : field.kind === 'json' ? t('editor.jsonHint') : undefined;
      const type = field.kind === 'text' && field.format ? field.format : 'text';
      return (
        <Field path={path} label={label} hint={hint}>
          <TextArg type={type} inputMode={field.kind === 'number' || field.kind === 'money' ? 'decimal' : undefined} value={shown(field, value)} onText={(text) => onChange(parsed(field, text))} />
        </Field>
      );
    }
  }
}

/** A text input whose own text stays as typed while what it means is passed up. */
function TextArg({ value, onText, ...rest }: { value: string; onText: (text: string) => void; type: string; inputMode: 'decimal' | undefined; id?: string }) {
  return <input {...rest} defaultValue={value} onChange={(e) => onText(e.target.value)} />;
}
