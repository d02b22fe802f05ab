import { describe, expect, it } from 'vitest';
import { defaults } from '../_shared/state';
import { ANALOGIES, CATEGORIES, CATEGORY_INDEX, WORDS } from './grammar';
import { MEASURE_STEPS, measureRun } from './measure';
import { measured } from './measured';
import { chancePurity, randomPurity } from './metrics';
import { props } from './model';

/** Values are stored to 4 decimals. */
const near = (x: number, stored: number): void => expect(Math.abs(x - stored)).toBeLessThan(6e-5);

describe('the figures chapter 4 quotes (seeded re-computation)', () => {
  it('vocabulary, categories and analogies of the grammar', () => {
    expect(WORDS.length).toBe(measured.vocabulary);
    expect(CATEGORIES.length).toBe(measured.categories);
    expect(ANALOGIES.length).toBe(measured.analogies);
  });

  it('random tables score about 1 / (number of categories)', () => {
    near(randomPurity(CATEGORY_INDEX, 16, 1), measured.randomPurity);
    near(chancePurity(CATEGORY_INDEX), measured.chancePurity);
  });

  it('the default run (seed 1): purity@5, analogy accuracy@1, steps to 0.8', () => {
    expect(MEASURE_STEPS).toBe(measured.steps);
    const m = measureRun(defaults(props));
    console.log(JSON.stringify(m));
    near(m.purity, measured.purity);
    near(m.analogy, measured.analogyAccuracy);
    for (const [k, v] of Object.entries(measured.analogyByRelation)) near(m.byRelation[k]!, v);
    expect(m.stepsTo08).toBe(measured.stepsTo08);
    expect(measured.stepsTo08).toBeLessThanOrEqual(measured.sweep.worstStepsTo08);
  }, 120_000);
});
