import { describe, expect, it } from 'vitest';
import { checkData } from './compute';
import { fmtPow10 } from '../_shared/format';
import { measured } from './measured';
import { WORDS } from './model';

const two = (x: number): number => Number(x.toPrecision(2));

describe('the numbers the chapter quotes about the check for E', () => {
  it('at the defaults: hand, autograd and central differences agree; unused rows are exactly 0', () => {
    const d = checkData(3, 2, 1);
    const c = d.checks[2]!;
    expect(two(c.handAuto)).toBe(measured.handAutograd);
    expect(two(c.handFd ?? NaN)).toBe(measured.handFd);
    expect(d.used.length).toBe(measured.rowsUsed);
    const zero = d.mats.dE.filter((row) => row.every((g) => g === 0)).length;
    expect(zero).toBe(measured.rowsZero);
    expect(measured.rowsUsed + measured.rowsZero).toBe(WORDS);
    for (const key of ['dEauto', 'dEfd'] as const) {
      d.mats.dE.forEach((_, j) => {
        if (!d.used.includes(j)) expect(d.mats[key][j]).toEqual([0, 0, 0]);
      });
    }
  });

  it('over seeds 1–50, t = 1…4 and n = 1…3 the worst disagreements stay tiny', () => {
    let fd = 0;
    let auto = 0;
    let cases = 0;
    for (let seed = 1; seed <= 50; seed++) {
      for (let t = 1; t <= 4; t++) {
        for (let n = 1; n <= 3; n++) {
          const checks = checkData(t, n, seed).checks;
          for (const c of checks.slice(1)) {
            fd = Math.max(fd, c.handFd ?? 0);
            auto = Math.max(auto, c.handAuto);
          }
          cases++;
        }
      }
    }
    expect(cases).toBe(measured.sweepCases);
    expect(two(fd)).toBe(measured.sweepWorstFd);
    expect(two(auto)).toBe(measured.sweepWorstAutograd);
  });
});

describe('the order of magnitude the chapter prints', () => {
  it('fmtPow10 gives the power of ten at or below', () => {
    expect(fmtPow10(measured.handAutograd)).toBe('10⁻¹⁶');
    expect(fmtPow10(1.1e-16)).toBe('10⁻¹⁶');
  });
});
