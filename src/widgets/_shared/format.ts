/** Format a number for a readout: fixed decimals, a true minus sign, and words instead of `NaN`/`Infinity`. */
export function fmt(x: number, decimals = 2): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'undefined' : x > 0 ? 'too large' : 'too small';
  const s = x.toFixed(decimals);
  return (Number(s) === 0 ? (0).toFixed(decimals) : s).replace('-', '−');
}

/** Format a vector as `(a, b, c)` with `fmt`. */
export function fmtVec(v: ArrayLike<number>, decimals = 2): string {
  return `(${Array.from(v, (x) => fmt(x, decimals)).join(', ')})`;
}
