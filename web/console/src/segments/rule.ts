/**
 * The segment builder's model: one group (all or any) of condition rows, each maybe negated, as the form holds them
 * (values as typed). `toRule` makes the API's rule of it; `fromRule` reads a rule back, or says it is deeper
 * than the builder shows (then the rule is edited as JSON).
 */
export interface FieldInfo {
  field: string;
  type: string;
  operators: string[];
  window: 'required' | 'optional' | 'none';
  values: string[] | null;
}

export interface Row {
  negate: boolean;
  field: string;
  op: string;
  /** As typed; a list is comma-separated; `between` uses `value` and `value2`. */
  value: string;
  value2: string;
  days: string;
}

export interface Group {
  mode: 'all' | 'any';
  rows: Row[];
}

type Leaf = { field: string; op: string; value?: unknown; days?: number; from?: string; to?: string };
export type Rule = { all: Rule[] } | { any: Rule[] } | { not: Rule } | Leaf;

export const emptyRow = (field: FieldInfo): Row => ({ negate: false, field: field.field, op: field.operators[0] ?? 'eq', value: '', value2: '', days: field.window === 'required' ? '30' : '' });

const scalar = (type: string, op: string, text: string): unknown => {
  const t = text.trim();
  if (type === 'number' || (type === 'attribute' && ['gt', 'gte', 'lt', 'lte', 'between'].includes(op))) return t === '' ? t : Number(t.replace(',', '.'));
  if (type === 'boolean') return t === 'true';
  if (type === 'attribute') return t === 'true' ? true : t === 'false' ? false : t !== '' && Number.isFinite(Number(t)) ? Number(t) : t;
  return t;
};

/** The API's rule of the builder's group; values the server will judge (an empty number stays as typed). */
export function toRule(group: Group, fields: ReadonlyMap<string, FieldInfo>): Rule {
  const leaves = group.rows.map((row): Rule => {
    const type = fields.get(row.field)?.type ?? (row.field.startsWith('attribute.') ? 'attribute' : 'text');
    const leaf: Leaf = { field: row.field, op: row.op };
    if (row.op === 'in' || row.op === 'not_in') leaf.value = row.value.split(',').map((v) => scalar(type, row.op, v)).filter((v) => v !== '');
    else if (row.op === 'between') leaf.value = [scalar(type, row.op, row.value), scalar(type, row.op, row.value2)];
    else if (row.op !== 'is_set' && row.op !== 'not_set') leaf.value = scalar(type, row.op, row.value);
    if (row.days.trim() !== '') leaf.days = Number(row.days);
    return row.negate ? { not: leaf } : leaf;
  });
  return group.mode === 'all' ? { all: leaves } : { any: leaves };
}

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** The builder's group of a rule, or null when the rule nests deeper or uses dates the builder does not show. */
export function fromRule(rule: Rule): Group | null {
  const children = 'all' in rule ? rule.all : 'any' in rule ? rule.any : [rule];
  const mode = 'any' in rule ? 'any' : 'all';
  const rows: Row[] = [];
  for (const child of children) {
    const negate = 'not' in child;
    const leaf = negate ? (child as { not: Rule }).not : child;
    if (!('field' in leaf) || leaf.from !== undefined) return null;
    const list = Array.isArray(leaf.value) ? leaf.value : null;
    rows.push({
      negate,
      field: leaf.field,
      op: leaf.op,
      value: leaf.op === 'between' ? text(list?.[0]) : list ? list.map(text).join(', ') : text(leaf.value),
      value2: leaf.op === 'between' ? text(list?.[1]) : '',
      days: leaf.days === undefined ? '' : String(leaf.days),
    });
  }
  return { mode, rows };
}
