import type { Values } from '../_shared/state';
import { fmt } from '../_shared/format';

/** The number of training items `N` in the fixed dataset. */
export const N = 256;

/** Settings: the minibatch size `t` read out below the chart, draws per size, the seed of the draws, and the sampling scheme. */
export const props = {
  t: { kind: 'number', default: 16, min: 1, max: N, step: 1 },
  draws: { kind: 'number', default: 1000, min: 100, max: 5000, step: 100 },
  seed: { kind: 'number', default: 1, min: 1, max: 99, step: 1 },
  sampling: { kind: 'choice', default: 'without', options: ['without', 'with'] },
} as const;

/** The current settings, one value per prop. */
export type NoiseValues = Values<typeof props>;
/** How a minibatch is drawn: `without` replacement (one slice of a shuffle, as in training) or `with` replacement. */
export type Sampling = NoiseValues['sampling'];

/** One measured minibatch size: `spread(t) = √( (1/draws) Σ ‖g_t − g‖² )` once `done = draws`. */
export interface Measurement {
  t: number;
  done: number;
  sumSq: number;
}

/** The charted sizes, about √2 apart from 1 to `N`: `t = round(2^(j/2))`, deduplicated. */
export function batchSizes(): number[] {
  const out = new Set<number>();
  for (let j = 0; 2 ** (j / 2) <= N + 0.5; j++) out.add(Math.min(N, Math.round(2 ** (j / 2))));
  out.add(N);
  return [...out].sort((a, b) => a - b);
}

/** The settings a measurement depends on (not which `t` is read out, unless it is off the chart's grid): a change restarts it. */
export function runKey(v: NoiseValues): string {
  return `${v.draws}|${v.seed}|${v.sampling}|${batchSizes().includes(v.t) ? '' : v.t}`;
}

/** The finite-population correction for sampling without replacement: `√((N − t)/(N − 1))`, or 1 with replacement. */
export function correction(t: number, sampling: Sampling): number {
  return sampling === 'with' ? 1 : Math.sqrt(Math.max(0, N - t) / (N - 1));
}

/** The expected RMS spread of a size-`t` minibatch gradient: `σ/√t · correction(t)` with `σ` the spread at `t = 1`. */
export function theory(sigma: number, t: number, sampling: Sampling): number {
  return (sigma / Math.sqrt(t)) * correction(t, sampling);
}

/** The measured RMS spread so far, or `undefined` before the first draw: `√(sumSq / done)`. */
export function spread(m: Measurement | undefined): number | undefined {
  return m && m.done > 0 ? Math.sqrt(m.sumSq / m.done) : undefined;
}

/** A readout pair `measured (theory …)`, e.g. `0.125 (theory 0.124)`, or `measuring…`. */
export function pairText(measured: number | undefined, expected: number): string {
  return measured === undefined ? `measuring… (theory ${fmt(expected, 4)})` : `${fmt(measured, 4)} (theory ${fmt(expected, 4)})`;
}

/** The measured-to-theory ratio in words: `1.02`, `exactly 0 (the full batch)` or `measuring…`. */
export function ratioText(measured: number | undefined, expected: number): string {
  if (measured === undefined) return 'measuring…';
  if (expected === 0) return measured < 1e-12 ? 'both 0: the full batch is the whole dataset' : fmt(measured, 4);
  return fmt(measured / expected, 3);
}

/** A sentence saying what the chart shows, for readers who cannot see it. */
export function describe(v: NoiseValues, sigma: number, at: Measurement | undefined, done: boolean): string {
  const scheme = v.sampling === 'with' ? 'with replacement' : 'without replacement';
  const line =
    v.sampling === 'with'
      ? 'the line is σ/√t, a slope of −1/2 on these log–log axes'
      : 'the dashed line is σ/√t, a slope of −1/2 on these log–log axes, and the solid curve adds the finite-population factor √((N − t)/(N − 1)), which drops to 0 at t = N';
  const m = spread(at);
  const point = m === undefined ? '' : ` At t = ${v.t} the spread is ${fmt(m, 4)} against ${fmt(theory(sigma, v.t, v.sampling), 4)} predicted.`;
  const status = done ? '' : ' The measurement is still running.';
  return `Root-mean-square distance between a minibatch gradient and the full-batch gradient, for minibatch sizes t from 1 to ${N}, each from ${v.draws} minibatches drawn ${scheme}: ${line}; σ = ${fmt(sigma, 4)} is the exact spread at t = 1.${point}${status}`;
}

/** Every readout's text by its `data-out` name: `one`, `at-label`, `at`, `ratio`, `gnorm` and `progress`. */
export function readoutTexts(v: NoiseValues, sigma: number, gnorm: number, ms: readonly Measurement[], done: number, total: number): Record<string, string> {
  const find = (t: number): number | undefined => spread(ms.find((m) => m.t === t && m.done === v.draws));
  const expected = theory(sigma, v.t, v.sampling);
  return {
    one: pairText(find(1), sigma),
    'at-label': `Spread at t = ${v.t}`,
    at: pairText(find(v.t), expected),
    ratio: ratioText(find(v.t), expected),
    gnorm: fmt(gnorm, 4),
    progress: `${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} minibatches`,
  };
}
