import type { InputHTMLAttributes } from 'react';

type Props = { value: number; onChange: (value: number) => void; money?: boolean; step?: number } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'step'>;

/**
 * A number the settings hold: kopecks shown as roubles when `money`. Left empty it is NaN, which the server refuses
 * at its field — the form never guesses a value. Other attributes (the id and aria of a Field) reach the input.
 */
export function NumberInput({ value, onChange, money = false, step = 1, ...input }: Props) {
  return (
    <input
      {...input}
      type="number"
      step={money ? 0.01 : step}
      value={Number.isFinite(value) ? (money ? value / 100 : value) : ''}
      onChange={(e) => onChange(e.target.value === '' ? Number.NaN : money ? Math.round(e.target.valueAsNumber * 100) : e.target.valueAsNumber)}
    />
  );
}
