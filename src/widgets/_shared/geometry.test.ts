import { describe, expect, it } from 'vitest';
import { clipLine, grid, levelSegments, mergeLabels } from './geometry';

const box = { x: [0, 1], y: [0, 1] } as const;

describe('geometry', () => {
  it('samples a function at cell centres', () => {
    const cells = grid((x, y) => x + 10 * y, box, 2);
    expect(cells).toHaveLength(4);
    expect(cells[0]).toMatchObject({ x1: 0, x2: 0.5, y1: 0, y2: 0.5, value: 0.25 + 2.5 });
  });

  it('clips a line to a box and reports a miss', () => {
    expect(clipLine(1, 1, 1, box)).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(clipLine(1, 0, 5, box)).toBeNull();
    expect(clipLine(0, 0, 1, box)).toBeNull();
  });

  it('traces a level curve whose points lie on it', () => {
    const f = (x: number, y: number): number => x + y - 2 * x * y;
    const segs = levelSegments(f, { x: [-0.25, 1.25], y: [-0.25, 1.25] }, 40, 0.5);
    expect(segs.length).toBeGreaterThan(40);
    for (const s of segs) {
      expect(Math.abs(f(s.x1, s.y1) - 0.5)).toBeLessThan(0.02);
      expect(Math.abs(f(s.x2, s.y2) - 0.5)).toBeLessThan(0.02);
    }
  });

  it('finds nothing when the level is never reached', () => {
    expect(levelSegments(() => 0, box, 10, 0.5)).toEqual([]);
  });
});

describe('mergeLabels', () => {
  it('merges points on the same spot into one label, per group', () => {
    const pts = [
      { x: 0, y: 0, n: 'a', g: 1 },
      { x: 0, y: 0.0001, n: 'b', g: 1 },
      { x: 0, y: 0, n: 'c', g: 2 },
      { x: 1, y: 0, n: 'd', g: 1 },
    ];
    const merged = mergeLabels(
      pts,
      (p) => p.n,
      (p) => String(p.g),
    );
    expect(merged.map((m) => m.text)).toEqual(['a,b', 'c', 'd']);
  });
});
