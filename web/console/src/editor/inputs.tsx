import { parsed, shown } from './schema-form.ts';

/** A whole number (or roubles shown for kopecks) that may be left empty. */
export function AmountInput({ value, onChange, money = false, id }: { value: number | undefined; onChange: (value: number | undefined) => void; money?: boolean; id?: string }) {
  const field = money ? ({ kind: 'money', key: '', required: false } as const) : ({ kind: 'number', key: '', required: false, integer: true } as const);
  return (
    <input
      id={id}
      inputMode="decimal"
      pattern={money ? '\\d[\\d\\s]*([.,]\\d{1,2})?' : '\\d+'}
      defaultValue={shown(field, value)}
      onChange={(e) => {
        // Text that is not an amount leaves the limit unset; the browser marks the input as not matching.
        const meant = parsed(field, e.target.value);
        onChange(typeof meant === 'number' ? meant : undefined);
      }}
    />
  );
}

/** An instant edited as the browser's local date and time. */
export function InstantInput({ value, onChange, id }: { value: string | undefined; onChange: (value: string | undefined) => void; id?: string }) {
  return (
    <input
      id={id}
      type="datetime-local"
      defaultValue={value ? toLocal(new Date(value)) : ''}
      onChange={(e) => onChange(e.target.value ? new Date(e.target.value).toISOString() : undefined)}
    />
  );
}

const pad = (n: number) => String(n).padStart(2, '0');
const toLocal = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
