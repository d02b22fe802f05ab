/** A labelled point of the plane. */
export interface LabelledPoint {
  x: number;
  y: number;
  label: 0 | 1;
}

/** A line `n·p = c` with unit normal `n = (cos θ, sin θ)`, and the margin it leaves on each side. */
export interface SeparatingLine {
  nx: number;
  ny: number;
  c: number;
  margin: number;
}

/**
 * The widest-margin line separating label 0 from label 1, searched over `directions` normal
 * angles: for each unit normal `n`, the classes separate iff `max n·p (one class) < min n·p (other)`.
 * Returns `null` when no searched direction separates them (e.g. XOR, or two labels on one point).
 */
export function separatingLine(points: readonly LabelledPoint[], directions = 720): SeparatingLine | null {
  if (!points.some((p) => p.label === 0) || !points.some((p) => p.label === 1)) return null;
  let best: SeparatingLine | null = null;
  for (let k = 0; k < directions; k++) {
    const theta = (2 * Math.PI * k) / directions;
    const nx = Math.cos(theta);
    const ny = Math.sin(theta);
    let max0 = -Infinity;
    let min1 = Infinity;
    for (const p of points) {
      const s = nx * p.x + ny * p.y;
      if (p.label === 0) max0 = Math.max(max0, s);
      else min1 = Math.min(min1, s);
    }
    const margin = (min1 - max0) / 2;
    if (margin > 1e-9 && (!best || margin > best.margin)) best = { nx, ny, c: (min1 + max0) / 2, margin };
  }
  return best;
}
