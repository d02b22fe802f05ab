import { it } from 'vitest';
import { rng } from '@beyond-linear/tensor';
import { separable } from '/work/main/src/widgets/cover-theorem/separable';
function perceptron(x: Float64Array, y: readonly number[], d: number, epochs: number): number {
  const w = new Float64Array(d);
  for (let e = 0; e < epochs; e++) {
    let mistakes = 0;
    for (let i = 0; i < y.length; i++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += (w[k] ?? 0) * (y[i] ?? 0) * (x[i * d + k] ?? 0);
      if (s > 0) continue;
      mistakes++;
      for (let k = 0; k < d; k++) w[k] = (w[k] ?? 0) + (y[i] ?? 0) * (x[i * d + k] ?? 0);
    }
    if (mistakes === 0) return e;
  }
  return -1;
}
it('dbg', () => {
  for (let s = 1; s <= 300; s++) {
    const d = 1 + (s % 4), n = 1 + (s % 9);
    const r = rng(s);
    const x = Float64Array.from({ length: n * d }, () => r.normal());
    const y = Array.from({ length: n }, () => (r.next() < 0.5 ? -1 : 1));
    const ex = separable(x, y, d); const p = perceptron(x, y, d, 20000);
    if ((p >= 0) !== ex) console.log(s, d, n, ex, p, perceptron(x, y, d, 2000000), JSON.stringify(Array.from(x)), JSON.stringify(y));
  }
});
