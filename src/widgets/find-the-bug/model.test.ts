import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderSvg } from '../_shared/render-static';
import { VARIANTS, props, region, sourceOf, type VariantId } from './model';
import { checkVariant } from './compute';
import { bugFigure } from './figure';
import { describeChecks, errorText, verdict } from './text';

const variantsSource = readFileSync(new URL('./variants.ts', import.meta.url), 'utf8');
const listingSource = readFileSync(new URL('../../listings/backprop.ts', import.meta.url), 'utf8');

describe('find the bug', () => {
  it('shows each buggy version one line away from the listing, at the line the reveal names', () => {
    const listing = sourceOf('listing', variantsSource, listingSource).split('\n');
    for (const id of ['a', 'b', 'c'] as const) {
      const shown = sourceOf(id, variantsSource, listingSource).split('\n');
      expect(shown.length).toBe(listing.length);
      const differ = shown.flatMap((line, i) => (line === listing[i] ? [] : [i + 1]));
      expect(differ, id).toEqual([VARIANTS[id].line]);
      expect(VARIANTS[id].bug).toContain(`Line ${VARIANTS[id].line}`);
    }
    expect(sourceOf('a', variantsSource, listingSource)).toContain('export function backprop(X');
    expect(() => region('nothing here', 'variant:x')).toThrow(/no \/\/ variant:x:start/);
  });

  it('the check fails exactly the gradients each bug reaches, and passes the listing', () => {
    const failing = (id: VariantId): string[] => checkVariant(id).flatMap((c) => (c.ok ? [] : [c.name]));
    expect(failing('a')).toEqual(['dH', 'dbH']); // Uᵀ feeds ∂𝓛/∂h, which only the first layer uses
    expect(failing('b')).toEqual(['dH']); // only ∂𝓛/∂H lost its 1/t
    expect(failing('c')).toEqual(['dH', 'dbH']); // the mask acts on ∂𝓛/∂k
    expect(failing('listing')).toEqual([]);
    for (const c of checkVariant('listing')) expect(c.error).toBeLessThan(1e-8);
  });

  it('says the verdict in words, with readable errors and no NaN', () => {
    expect(errorText(3.21e-11)).toBe('3.2 × 10⁻¹¹');
    expect(errorText(0)).toBe('below 10⁻¹⁵');
    expect(verdict(checkVariant('b'))).toBe('∂𝓛/∂H fails the check; the others pass. The bug sits on the path from 𝓛 to that parameter and nowhere else.');
    expect(verdict(checkVariant('listing'))).toMatch(/^All four gradients agree/);
    for (const id of props.variant.options) {
      expect(describeChecks(VARIANTS[id].label, checkVariant(id))).not.toMatch(/NaN|undefined/);
      expect(renderSvg(bugFigure(checkVariant(id)))).not.toMatch(/NaN/);
    }
  });
});
