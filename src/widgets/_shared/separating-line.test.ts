import { describe, expect, it } from 'vitest';
import { separatingLine, type LabelledPoint } from './separating-line';

const corners = (labels: [0 | 1, 0 | 1, 0 | 1, 0 | 1]): LabelledPoint[] =>
  [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ].map(([x, y], i) => ({ x: x ?? 0, y: y ?? 0, label: labels[i] ?? 0 }));

describe('separatingLine', () => {
  it('finds no line for XOR', () => {
    expect(separatingLine(corners([0, 1, 1, 0]))).toBeNull();
  });

  it('separates AND and OR, every point on its side', () => {
    for (const labels of [
      [0, 0, 0, 1],
      [0, 1, 1, 1],
    ] as const) {
      const pts = corners([...labels]);
      const line = separatingLine(pts);
      expect(line).not.toBeNull();
      for (const p of pts) expect(line!.nx * p.x + line!.ny * p.y > line!.c).toBe(p.label === 1);
    }
  });

  it('finds the widest margin: half the gap between two points', () => {
    const line = separatingLine([
      { x: 0, y: 0, label: 0 },
      { x: 2, y: 0, label: 1 },
    ]);
    expect(line?.margin).toBeCloseTo(1, 6);
    expect(line?.c).toBeCloseTo(1, 6);
  });

  it('refuses two labels on one point, and a single class', () => {
    expect(
      separatingLine([
        { x: 1, y: 1, label: 0 },
        { x: 1, y: 1, label: 1 },
      ]),
    ).toBeNull();
    expect(separatingLine([{ x: 1, y: 1, label: 0 }])).toBeNull();
  });
});
