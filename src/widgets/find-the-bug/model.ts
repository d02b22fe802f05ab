import type { ChoiceProp, Values } from '../_shared/state';

/**
 * The find-the-bug exercise: which prewritten version of chapter 3's backprop listing is on show,
 * what is wrong with each, and how a gradient check's numbers are judged. Pure module: no DOM, no
 * tensor package (the checks run in `compute.ts`).
 */

export type VariantId = 'a' | 'b' | 'c' | 'listing';

/** Settings: the version shown and checked; the three buggy ones first, then the listing as printed. */
export const props = {
  variant: { kind: 'choice', default: 'a', options: ['a', 'b', 'c', 'listing'] } as ChoiceProp<VariantId>,
} as const;

export type BugValues = Values<typeof props>;

/** The sizes of the checked network: v = m, so a missing transpose still fits the shapes and only the check can catch it. */
export const SIZES = { d: 3, v: 3, m: 3, t: 4 } as const;

/** A parameter whose gradient is checked, as the chapter names it. */
export const PARAMS = ['dH', 'dbH', 'dU', 'dbU'] as const;
export type ParamName = (typeof PARAMS)[number];
export const PARAM_LABELS: Readonly<Record<ParamName, string>> = { dH: '∂𝓛/∂H', dbH: '∂𝓛/∂b_H', dU: '∂𝓛/∂U', dbU: '∂𝓛/∂b_U' };

/** What each version is, for the menu and the reveal; `marker` names its region in `variants.ts`. */
export interface Variant {
  label: string;
  marker: string | null;
  /** The line that differs from the listing (1-based, within the shown source), or null for the listing itself. */
  line: number | null;
  bug: string;
}

export const VARIANTS: Readonly<Record<VariantId, Variant>> = {
  a: {
    label: 'Version A',
    marker: 'transpose',
    line: 13,
    bug: 'Line 13 multiplies by U where the chain rule needs Uᵀ. With v = m the shapes still fit, so nothing complains.',
  },
  b: {
    label: 'Version B',
    marker: 'average',
    line: 15,
    bug: 'Line 15 forgets to divide by t: ∂𝓛/∂H is the sum of the items’ gradients, t times too large, while the other three are averages.',
  },
  c: {
    label: 'Version C',
    marker: 'mask',
    line: 14,
    bug: 'Line 14 takes the ReLU mask from h instead of k. Since h = ReLU(k) ≥ 0, step(h) is 1 everywhere, and units that were off pass gradient back anyway.',
  },
  listing: {
    label: 'The listing as printed',
    marker: null,
    line: null,
    bug: 'No bug: this is the chapter’s listing, and every gradient agrees with central differences.',
  },
};

/** A gradient passes when its largest relative error `|a − n| / max(1, |a|, |n|)` is at most this (float64, ε = 10⁻⁶). */
export const TOLERANCE = 1e-6;

/** The lines of `source` between `// <marker>:start` and `// <marker>:end`. */
export function region(source: string, marker: string): string {
  const lines = source.split('\n');
  const from = lines.findIndex((l) => l.trim() === `// ${marker}:start`);
  const to = lines.findIndex((l) => l.trim() === `// ${marker}:end`);
  if (from < 0 || to <= from) throw new Error(`region: no // ${marker}:start … // ${marker}:end`);
  return lines.slice(from + 1, to).join('\n');
}

/** The source shown for a version: its region of `variants.ts`, or the listing's region. */
export function sourceOf(id: VariantId, variantsSource: string, listingSource: string): string {
  const marker = VARIANTS[id].marker;
  const text = marker ? region(variantsSource, `variant:${marker}`) : region(listingSource, 'listing');
  // the functions have different names in the file; the reader sees the listing's name in each
  return text.replace(/export function backprop[ABC]\(/, 'export function backprop(');
}
