/**
 * An exact test for linear separability by a hyperplane through the origin. Pure module, no DOM.
 *
 * By Gordan's theorem the labelled points `zᵢ = yᵢ·xᵢ` admit a `w` with `w·zᵢ > 0` for every `i`
 * exactly when 0 is not a convex combination of them. That question is a feasibility linear
 * program — find `λ ≥ 0` with `Σλᵢ = 1` and `Σλᵢzᵢ = 0` — which a Phase-I simplex with Bland's
 * rule answers in finitely many pivots.
 */

/** Numerical tolerance for pivots, reduced costs and the Phase-I optimum. */
export const TOLERANCE = 1e-9;

/** A dense simplex tableau: `m` constraint rows of `cols` coefficients plus a right-hand side. */
interface Tableau {
  m: number;
  cols: number;
  /** Row-major `(m + 1) × (cols + 1)`; the last row is the Phase-I cost row, the last column the RHS. */
  t: Float64Array;
  basis: Int32Array;
}

/** The Phase-I tableau for `[z₁ … zₙ; 1 … 1] λ + a = (0, …, 0, 1)` with artificials `a` basic. */
function phaseOne(z: Float64Array, n: number, d: number): Tableau {
  const m = d + 1;
  const cols = n + m;
  const w = cols + 1;
  const t = new Float64Array((m + 1) * w);
  const basis = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) t[i * w + j] = i < d ? (z[j * d + i] ?? 0) : 1;
    t[i * w + n + i] = 1;
    t[i * w + cols] = i < d ? 0 : 1;
    basis[i] = n + i;
  }
  // Cost row: minimise Σ aᵢ, expressed in the non-basic variables (reduced costs −Σᵢ rows).
  for (let j = 0; j <= cols; j++) {
    if (j >= n && j < cols) continue;
    let s = 0;
    for (let i = 0; i < m; i++) s += t[i * w + j] ?? 0;
    t[m * w + j] = -s;
  }
  return { m, cols, t, basis };
}

/** Bland's entering column: the lowest-index original variable with a negative reduced cost, or −1. */
function entering(tab: Tableau, n: number): number {
  const row = tab.m * (tab.cols + 1);
  for (let j = 0; j < n; j++) if ((tab.t[row + j] ?? 0) < -TOLERANCE) return j;
  return -1;
}

/** Minimum-ratio leaving row for column `j`, ties broken by the lowest basic index (Bland), or −1. */
function leaving(tab: Tableau, j: number): number {
  const w = tab.cols + 1;
  let best = -1;
  let bestRatio = Infinity;
  for (let i = 0; i < tab.m; i++) {
    const a = tab.t[i * w + j] ?? 0;
    if (a <= TOLERANCE) continue;
    const ratio = (tab.t[i * w + tab.cols] ?? 0) / a;
    const tie = Math.abs(ratio - bestRatio) <= TOLERANCE;
    if (ratio < bestRatio - TOLERANCE || (tie && (tab.basis[i] ?? 0) < (tab.basis[best] ?? 0))) {
      best = i;
      bestRatio = Math.min(ratio, bestRatio);
    }
  }
  return best;
}

/** Gauss–Jordan pivot on `(r, j)`: `rowᵢ ← rowᵢ − (tᵢⱼ / tᵣⱼ)·rowᵣ` for every other row, including the cost row. */
function pivot(tab: Tableau, r: number, j: number): void {
  const w = tab.cols + 1;
  const { t } = tab;
  const p = t[r * w + j] ?? 1;
  for (let k = 0; k < w; k++) t[r * w + k] = (t[r * w + k] ?? 0) / p;
  for (let i = 0; i <= tab.m; i++) {
    if (i === r) continue;
    const f = t[i * w + j] ?? 0;
    if (f === 0) continue;
    for (let k = 0; k < w; k++) t[i * w + k] = (t[i * w + k] ?? 0) - f * (t[r * w + k] ?? 0);
  }
  tab.basis[r] = j;
}

/**
 * Weights `λ` that write the origin as a convex combination of the `n` points `z` (flat, `n × d`),
 * or `null` when none exist: `λ ≥ 0, Σλᵢ = 1, Σλᵢzᵢ = 0`.
 */
export function hullCombination(z: Float64Array, n: number, d: number): Float64Array | null {
  const tab = phaseOne(z, n, d);
  const w = tab.cols + 1;
  const limit = 50 * (tab.cols + tab.m);
  for (let it = 0; it < limit; it++) {
    const j = entering(tab, n);
    if (j < 0) break;
    const r = leaving(tab, j);
    if (r < 0) break; // unbounded cannot happen in Phase I; stop defensively
    pivot(tab, r, j);
  }
  const infeasibility = -(tab.t[tab.m * w + tab.cols] ?? 0);
  if (infeasibility > TOLERANCE) return null;
  const lambda = new Float64Array(n);
  for (let i = 0; i < tab.m; i++) {
    const b = tab.basis[i] ?? -1;
    if (b >= 0 && b < n) lambda[b] = Math.max(0, tab.t[i * w + tab.cols] ?? 0);
  }
  return lambda;
}

/** A quick certificate: does `w = Σzᵢ` already satisfy `w·zᵢ > 0` for every `i`? */
function meanDirectionSeparates(z: Float64Array, n: number, d: number): boolean {
  const w = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) w[k] = (w[k] ?? 0) + (z[i * d + k] ?? 0);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += (w[k] ?? 0) * (z[i * d + k] ?? 0);
    if (s <= TOLERANCE) return false;
  }
  return true;
}

/**
 * Whether some hyperplane through the origin strictly separates the labelled points
 * (`points` flat `n × d`, `labels` ±1): `∃w: yᵢ·(w·xᵢ) > 0 ∀i ⇔ 0 ∉ conv{yᵢxᵢ}`.
 */
export function separable(points: Float64Array, labels: ArrayLike<number>, d: number): boolean {
  const n = labels.length;
  const z = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const y = (labels[i] ?? 0) < 0 ? -1 : 1;
    for (let k = 0; k < d; k++) z[i * d + k] = y * (points[i * d + k] ?? 0);
  }
  if (meanDirectionSeparates(z, n, d)) return true;
  return hullCombination(z, n, d) === null;
}
