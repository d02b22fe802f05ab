/**
 * A widget's shareable settings: a typed table of props that round-trips to the URL hash as
 * `#<widget-id>.<key>=<value>&…` (the last-touched widget's alone; see `serializeState`).
 * Pure module: no DOM access.
 */

/** A bounded number, e.g. a slider: `{ kind: 'number', default: 0, min: -2, max: 2, step: 0.1 }`. */
export interface NumberProp {
  kind: 'number';
  default: number;
  min: number;
  max: number;
  step: number;
}

/** An on/off setting. */
export interface BooleanProp {
  kind: 'boolean';
  default: boolean;
}

/** One choice from a fixed list of strings. */
export interface ChoiceProp<T extends string = string> {
  kind: 'choice';
  default: T;
  options: readonly T[];
}

/**
 * Bounded free text, e.g. a typed word: `{ kind: 'text', default: 'whale', maxLength: 40, pattern: /^[\p{L}']*$/u,
 * allowed: 'letters and apostrophes' }`. A value longer than `maxLength` characters, or one the pattern (tested on the
 * whole value; give it no `g` flag) does not match, is refused; an accepted value is trimmed.
 */
export interface TextProp {
  kind: 'text';
  default: string;
  maxLength: number;
  pattern: RegExp;
  /** What the pattern allows, in words, for the reason a value is refused: `may contain only <allowed>`. */
  allowed: string;
}

export type Prop = NumberProp | BooleanProp | ChoiceProp | TextProp;
export type PropsTable = Readonly<Record<string, Prop>>;

/** The value type a prop describes: `number`, `boolean`, its option union or `string`. */
export type ValueOf<P extends Prop> = P extends NumberProp
  ? number
  : P extends BooleanProp
    ? boolean
    : P extends ChoiceProp<infer T>
      ? T
      : P extends TextProp
        ? string
        : never;

/** The values of a whole props table: `{ [key]: ValueOf<table[key]> }`. */
export type Values<T extends PropsTable> = { -readonly [K in keyof T]: ValueOf<T[K]> };

/** A setting that was present in the URL but not accepted, with the reason in words. */
export interface Rejection {
  key: string;
  raw: string;
  reason: string;
}

/** The defaults of every prop in a table. */
export function defaults<T extends PropsTable>(table: T): Values<T> {
  const out: Record<string, unknown> = {};
  for (const [key, prop] of Object.entries(table)) out[key] = prop.default;
  return out as Values<T>;
}

/** Snap `x` onto the prop's grid `min + k·step` and round away float noise. */
export function snap(prop: NumberProp, x: number): number {
  const k = Math.round((x - prop.min) / prop.step);
  const decimals = Math.max(0, -Math.floor(Math.log10(prop.step)) + 1);
  return Number((prop.min + k * prop.step).toFixed(decimals));
}

/** Check one raw string against a prop: the parsed value, or the reason it is refused. */
export function parseValue(prop: Prop, raw: string): { ok: true; value: number | boolean | string } | { ok: false; reason: string } {
  if (prop.kind === 'number') {
    const trimmed = raw.trim();
    const x = trimmed === '' ? Number.NaN : Number(trimmed);
    if (!Number.isFinite(x)) return { ok: false, reason: 'is not a number' };
    if (x < prop.min || x > prop.max) return { ok: false, reason: `must lie between ${prop.min} and ${prop.max}` };
    return { ok: true, value: snap(prop, x) };
  }
  if (prop.kind === 'boolean') {
    if (raw === '1' || raw === 'true') return { ok: true, value: true };
    if (raw === '0' || raw === 'false') return { ok: true, value: false };
    return { ok: false, reason: 'must be 1 or 0' };
  }
  if (prop.kind === 'text') {
    if (raw.length > prop.maxLength) return { ok: false, reason: `is longer than ${prop.maxLength} characters` };
    if (!prop.pattern.test(raw)) return { ok: false, reason: `may contain only ${prop.allowed}` };
    return { ok: true, value: raw.trim() };
  }
  if ((prop.options as readonly string[]).includes(raw)) return { ok: true, value: raw };
  return { ok: false, reason: `must be one of ${prop.options.join(', ')}` };
}

/** Split a hash into `key=value` pairs, decoding each side; malformed escapes are kept raw. */
function pairs(hash: string): Array<[string, string]> {
  const decode = (s: string): string => {
    try {
      return decodeURIComponent(s.replace(/\+/g, ' '));
    } catch {
      return s;
    }
  };
  return hash
    .replace(/^#/, '')
    .split('&')
    .filter((p) => p.length > 0)
    .map((p) => {
      const eq = p.indexOf('=');
      return eq < 0 ? [decode(p), ''] : [decode(p.slice(0, eq)), decode(p.slice(eq + 1))];
    });
}

/** Read a widget's settings from a hash: every valid setting applied, every invalid one reported and left at its default. */
export function parseState<T extends PropsTable>(table: T, id: string, hash: string): { values: Values<T>; rejected: Rejection[] } {
  const values: Record<string, unknown> = defaults(table);
  const rejected: Rejection[] = [];
  const prefix = `${id}.`;
  for (const [name, raw] of pairs(hash)) {
    if (!name.startsWith(prefix)) continue;
    const key = name.slice(prefix.length);
    const prop = Object.hasOwn(table, key) ? table[key] : undefined;
    if (!prop) {
      rejected.push({ key, raw, reason: 'is not a setting of this figure' });
      continue;
    }
    const parsed = parseValue(prop, raw);
    if (parsed.ok) values[key] = parsed.value;
    else rejected.push({ key, raw, reason: parsed.reason });
  }
  return { values: values as Values<T>, rejected };
}

/**
 * The hash for a widget's settings. A hash holds one widget's state and nothing else (never a
 * section and settings together, never two widgets'), so a shared link means exactly one
 * figure: `#<id>.<key>=<value>&…`, defaults left out so links stay short; with every setting
 * at its default it is `#<id>`, a plain link to the widget.
 */
export function serializeState<T extends PropsTable>(table: T, id: string, values: Values<T>): string {
  const prefix = `${id}.`;
  const own: Array<[string, string]> = [];
  for (const [key, prop] of Object.entries(table)) {
    const v = (values as Record<string, unknown>)[key];
    if (v === prop.default) continue;
    own.push([prefix + key, prop.kind === 'boolean' ? (v ? '1' : '0') : String(v)]);
  }
  if (own.length === 0) return `#${encodeURIComponent(id)}`;
  return `#${own.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;
}

/** A short human message about rejected settings, e.g. `Ignored w1 = "abc" (is not a number); using the default.` */
export function describeRejections(rejected: readonly Rejection[]): string {
  if (rejected.length === 0) return '';
  const shown = rejected.slice(0, 3).map((r) => `${r.key} = "${r.raw.slice(0, 24)}" (${r.reason})`);
  const more = rejected.length > 3 ? ` and ${rejected.length - 3} more` : '';
  return `The link's settings were partly ignored: ${shown.join('; ')}${more}. Those settings use their defaults.`;
}
