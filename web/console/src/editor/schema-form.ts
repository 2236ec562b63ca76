/**
 * The campaign editor's forms, generated from the JSON Schemas of the rule catalogue's arguments: which input each
 * argument gets, and how what a person types becomes the argument and back.
 */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: (string | number)[];
  default?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  multipleOf?: number;
  minItems?: number;
  maxItems?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  anyOf?: JsonSchema[];
}

export type Field =
  | { kind: 'text'; key: string; required: boolean; pattern?: string; format?: 'date' | 'time' }
  | { kind: 'number'; key: string; required: boolean; integer: boolean; min?: number; max?: number; step?: number }
  /** Kopecks in the rule, roubles in the form. */
  | { kind: 'money'; key: string; required: boolean }
  | { kind: 'boolean'; key: string }
  | { kind: 'choice'; key: string; required: boolean; options: string[] }
  /** A list of names, typed separated by commas. */
  | { kind: 'list'; key: string; required: boolean; numbers: boolean }
  /** A list chosen from a fixed set. */
  | { kind: 'choices'; key: string; required: boolean; options: (string | number)[] }
  | { kind: 'group'; key: string; fields: Field[] }
  /** Anything the form cannot say better (a value of several types): typed as JSON. */
  | { kind: 'json'; key: string; required: boolean };

/** The inputs for an object schema's properties, in the schema's order. */
export function fieldsOf(schema: JsonSchema): Field[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([key, property]) => fieldOf(key, property, required.has(key)));
}

function fieldOf(key: string, s: JsonSchema, required: boolean): Field {
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (s.enum && type === 'string') return { kind: 'choice', key, required, options: s.enum.map(String) };
  if (type === 'boolean') return { kind: 'boolean', key };
  if (type === 'integer' && s.description === 'kopecks') return { kind: 'money', key, required };
  if (type === 'integer' || type === 'number') {
    const min = s.minimum ?? s.exclusiveMinimum;
    return {
      kind: 'number',
      key,
      required,
      integer: type === 'integer',
      ...(min !== undefined ? { min } : {}),
      ...(s.maximum !== undefined ? { max: s.maximum } : {}),
      ...(type === 'integer' ? { step: 1 } : s.multipleOf !== undefined ? { step: s.multipleOf } : {}),
    };
  }
  if (type === 'string') {
    const format = s.format === 'date' ? 'date' : s.pattern === '^([01]\\d|2[0-3]):[0-5]\\d$' ? 'time' : undefined;
    return { kind: 'text', key, required, ...(s.pattern ? { pattern: s.pattern } : {}), ...(format ? { format } : {}) };
  }
  if (type === 'array' && s.items) {
    const itemType = s.items.type;
    if (s.items.enum || (itemType === 'integer' && s.items.maximum !== undefined && s.items.maximum - (s.items.minimum ?? 0) <= 31))
      return { kind: 'choices', key, required: (s.minItems ?? 0) > 0, options: s.items.enum ?? range(s.items.minimum ?? 0, s.items.maximum ?? 0) };
    if (itemType === 'string' || itemType === 'integer' || itemType === 'number')
      return { kind: 'list', key, required: (s.minItems ?? 0) > 0, numbers: itemType !== 'string' };
  }
  if (type === 'object' && s.properties) return { kind: 'group', key, fields: fieldsOf(s) };
  return { kind: 'json', key, required };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

export type Args = Record<string, unknown>;

/** What an input shows for an argument's value. */
export function shown(field: Exclude<Field, { kind: 'group' | 'boolean' | 'choices' }>, value: unknown): string {
  if (value === undefined || value === null) return '';
  switch (field.kind) {
    case 'money':
      return typeof value === 'number' ? String(value / 100) : String(value);
    case 'list':
      return Array.isArray(value) ? value.join(', ') : String(value);
    case 'json':
      return JSON.stringify(value);
    default:
      return String(value);
  }
}

/**
 * The argument a person's input means: empty is no value (the argument is left out), numbers are numbers, roubles
 * become kopecks. Input that does not parse is kept as typed, so the server's check names the field.
 */
export function parsed(field: Exclude<Field, { kind: 'group' | 'boolean' | 'choices' }>, input: string): unknown {
  const text = input.trim();
  if (text === '') return undefined;
  switch (field.kind) {
    case 'number': {
      const n = Number(text.replace(',', '.'));
      return Number.isFinite(n) ? n : text;
    }
    case 'money': {
      const roubles = Number(text.replace(/\s/g, '').replace(',', '.'));
      return Number.isFinite(roubles) ? Math.round(roubles * 100) : text;
    }
    case 'list': {
      const items = text.split(/[,;\n]/).map((item) => item.trim()).filter(Boolean);
      return field.numbers ? items.map((item) => (Number.isFinite(Number(item)) ? Number(item) : item)) : items;
    }
    case 'json':
      try {
        return JSON.parse(text);
      } catch {
        return text;
      }
    default:
      return text;
  }
}

/** The arguments with one changed; a value of undefined removes it. */
export function withArg(args: Args, key: string, value: unknown): Args {
  const { [key]: _, ...rest } = args;
  return value === undefined ? rest : { ...rest, [key]: value };
}

/** The arguments a new condition or effect starts with: each property's default. */
export function defaults(schema: JsonSchema): Args {
  const args: Args = {};
  for (const [key, property] of Object.entries(schema.properties ?? {})) if (property.default !== undefined) args[key] = property.default;
  return args;
}
