import type { LineRecord } from '../domain/receipt.ts';
import type { Queryable } from './db.ts';
import { valuesRow } from '../domain/stored-answer.ts';

/**
 * A line as its receipt's row keeps it: the values in this order, which the view `receipt_lines`
 * (migrations/024_products.sql) shows as columns; the line's number is its place. A line that names its product as
 * the programme's catalogue does (`products`) leaves out name, category and brand: its second value is then its
 * quantity, a number where a name is text or null.
 */
const fields = [
  'sku',
  'name',
  'category',
  'brand',
  'quantity',
  'price',
  'discount',
  'amount',
  'isReward',
  'weighed',
  'campaignDiscount',
  'pointsEarned',
  'pointsSpent',
  'pointsDiscount',
] as const satisfies readonly Exclude<keyof LineRecord, 'lineNo'>[];
// Every field of a line is kept: a new one must be added above (and to the view).
const everyField: Exclude<keyof LineRecord, (typeof fields)[number] | 'lineNo'> extends never ? true : never = true;
void everyField;

/** From here on a line's values are flags and figures, mostly 0: the zeros at the end are left off, flags kept as 1 or 0. */
const optionalFrom = fields.indexOf('isReward');

/** How the catalogue names a product: as its tills first did, never changed. */
export type Product = Pick<LineRecord, 'name' | 'category' | 'brand'>;
const productFields = ['name', 'category', 'brand'] as const;

/** Whether the line names its product as the catalogue does. */
const namedAs = (l: LineRecord, product: Product | undefined) => product !== undefined && productFields.every((f) => l[f] === product[f]);

/** SQL for how the catalogue of the programme `$1` names the skus of `skus` (a text[] expression): JSON by sku. */
export const productsSql = (skus: string) =>
  `(select json_object_agg(p.sku, json_build_object('name', p.name, 'category', p.category, 'brand', p.brand))
    from products p where p.program_id = $1 and p.sku = any(${skus}))`;

export const lineValues = (l: LineRecord, product?: Product): unknown[] => {
  const kept = valuesRow(l, fields, optionalFrom);
  if (namedAs(l, product)) kept.splice(1, productFields.length);
  return kept;
};

const flags: readonly string[] = ['isReward', 'weighed'];
/** A field's value again: a flag from 1 or 0 (true or false, as earlier versions kept it), a figure left off as 0. */
const valueOf = (field: (typeof fields)[number], k: number, value: unknown) => {
  if (k < optionalFrom) return value;
  return flags.includes(field) ? value === true || value === 1 : (value ?? 0);
};

/**
 * The line at place `i` of its receipt's row. A line that left its product's names to the catalogue takes them from
 * `products` (by sku); without its product there, they read as null.
 */
export const lineFromValues = (values: readonly unknown[], i: number, products?: ReadonlyMap<string, Product>): LineRecord => {
  const short = typeof values[1] === 'number';
  const product = short ? products?.get(values[0] as string) : undefined;
  const whole = short ? [values[0], product?.name ?? null, product?.category ?? null, product?.brand ?? null, ...values.slice(1)] : values;
  return Object.fromEntries([['lineNo', i + 1], ...fields.map((f, k) => [f, valueOf(f, k, whole[k])])]) as LineRecord;
};

/** SQL: whether line `l` (an element of a receipt's `lines`) left its names to the catalogue. */
const shortLine = `json_typeof(l -> 1) = 'number'`;
/** SQL: the catalogue's product `c` of line `l` of receipt `r`, joined where the line left its names to it. */
export const lineCatalogueJoin = `left join products c on ${shortLine} and c.program_id = r.program_id and c.sku = l ->> 0`;
/** SQL: a name of line `l` (with `lineCatalogueJoin`): its own, or its product's in the catalogue. */
export const lineNameSql = (field: 'category' | 'brand') => `case when ${shortLine} then c.${field} else l ->> ${fields.indexOf(field)} end`;

/** Receipts given their categories per statement by `keepCategories`. */
const CATEGORIES_GROUP = 20_000;

/**
 * Gives the programme's receipts written before they kept their lines' categories (migration 035) that list, read
 * from their lines and the catalogue, a group at a time; returns how many it gave.
 */
export async function keepCategories(db: Queryable, programId: string): Promise<number> {
  let kept = 0;
  for (;;) {
    const [row] = await db.query<{ n: number }>(
      `with due as (select id from receipts where program_id = $1 and categories is null limit ${CATEGORIES_GROUP}),
       kept as (
         update receipts r set categories = coalesce((
           select array_agg(distinct x.category) from (
             select ${lineNameSql('category')} as category from json_array_elements(r.lines) l ${lineCatalogueJoin}) x
           where x.category is not null), '{}')
         from due where r.program_id = $1 and r.id = due.id returning 1)
       select count(*)::int as n from kept`,
      [programId],
    );
    kept += row?.n ?? 0;
    if (!row?.n) return kept;
  }
}
