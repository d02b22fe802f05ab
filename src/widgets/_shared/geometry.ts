/** A rectangle of the plane: `[xMin, xMax] × [yMin, yMax]`. */
export interface Box {
  x: readonly [number, number];
  y: readonly [number, number];
}

/** One cell of a heatmap grid with the function's value at its centre. */
export interface Cell {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
  value: number;
}

/** Sample `f` at the centres of an `n × n` grid over `box`: the cells of a heatmap. */
export function grid(f: (x: number, y: number) => number, box: Box, n: number): Cell[] {
  const cells: Cell[] = [];
  const dx = (box.x[1] - box.x[0]) / n;
  const dy = (box.y[1] - box.y[0]) / n;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const x1 = box.x[0] + i * dx;
      const y1 = box.y[0] + j * dy;
      cells.push({ x1, x2: x1 + dx, y1, y2: y1 + dy, value: f(x1 + dx / 2, y1 + dy / 2) });
    }
  }
  return cells;
}

/**
 * The part of the line `a·x + b·y = c` inside `box`, as two end points, or `null` when the line
 * misses the box or `a = b = 0` (no line at all).
 */
export function clipLine(a: number, b: number, c: number, box: Box): [[number, number], [number, number]] | null {
  const pts: Array<[number, number]> = [];
  const eps = 1e-12;
  if (Math.abs(b) > eps) {
    for (const x of box.x) {
      const y = (c - a * x) / b;
      if (y >= box.y[0] - eps && y <= box.y[1] + eps) pts.push([x, y]);
    }
  }
  if (Math.abs(a) > eps) {
    for (const y of box.y) {
      const x = (c - b * y) / a;
      if (x >= box.x[0] - eps && x <= box.x[1] + eps) pts.push([x, y]);
    }
  }
  const unique = pts.filter((p, i) => pts.findIndex((q) => Math.hypot(q[0] - p[0], q[1] - p[1]) < 1e-9) === i);
  const [p, q] = unique;
  return p && q ? [p, q] : null;
}

/** A line segment from `(x1, y1)` to `(x2, y2)`. */
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * The curve `f(x, y) = level` inside `box`, traced by marching squares on an `n × n` grid:
 * one or two straight segments per grid cell that the curve crosses.
 */
export function levelSegments(f: (x: number, y: number) => number, box: Box, n: number, level: number): Segment[] {
  const dx = (box.x[1] - box.x[0]) / n;
  const dy = (box.y[1] - box.y[0]) / n;
  const v: number[][] = [];
  for (let i = 0; i <= n; i++) {
    const col: number[] = [];
    for (let j = 0; j <= n; j++) col.push(f(box.x[0] + i * dx, box.y[0] + j * dy) - level);
    v.push(col);
  }
  const out: Segment[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) out.push(...cellSegments(v, i, j, box.x[0] + i * dx, box.y[0] + j * dy, dx, dy));
  }
  return out;
}

/** The crossings of zero on one grid cell's edges, paired into segments. */
function cellSegments(v: number[][], i: number, j: number, x0: number, y0: number, dx: number, dy: number): Segment[] {
  const at = (a: number, b: number): number => v[a]?.[b] ?? 0;
  const c = [at(i, j), at(i + 1, j), at(i + 1, j + 1), at(i, j + 1)] as const;
  const xy = [
    [x0, y0],
    [x0 + dx, y0],
    [x0 + dx, y0 + dy],
    [x0, y0 + dy],
  ] as const;
  const hits: Array<[number, number]> = [];
  for (let k = 0; k < 4; k++) {
    const a = c[k] ?? 0;
    const b = c[(k + 1) % 4] ?? 0;
    if (a < 0 !== b < 0) {
      const t = a / (a - b);
      const p = xy[k] ?? xy[0];
      const q = xy[(k + 1) % 4] ?? xy[0];
      hits.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  const segs: Segment[] = [];
  for (let k = 0; k + 1 < hits.length; k += 2) {
    const [p, q] = [hits[k], hits[k + 1]];
    if (p && q) segs.push({ x1: p[0], y1: p[1], x2: q[0], y2: q[1] });
  }
  return segs;
}

/**
 * One label per distinct location: points that land on the same spot (within 1e-3, per `group`)
 * share a label listing all their names, e.g. `01,10`, instead of overprinting.
 */
export function mergeLabels<P extends { x: number; y: number }>(
  points: readonly P[],
  name: (p: P) => string,
  group: (p: P) => string = () => '',
): Array<P & { text: string }> {
  const seen = new Map<string, P & { text: string }>();
  for (const p of points) {
    const key = `${group(p)}|${p.x.toFixed(3)}|${p.y.toFixed(3)}`;
    const hit = seen.get(key);
    if (hit) hit.text += `,${name(p)}`;
    else seen.set(key, { ...p, text: name(p) });
  }
  return [...seen.values()];
}
