import { leastSquares, mlp, probe, rng, tensor } from '@beyond-linear/tensor';
import { XOR_POINTS } from '../_shared/xor';
import { ARTICLE } from '../xor-relu-net/model';
import { TIE, type ProbeKind, type XorProbeValues } from './model';

/** A point of the plane. */
export type Pt = readonly [number, number];

/**
 * A probe fitted on four points of a 2-D space: its score `s(p) = a·p₁ + b·p₂ + c0` relative to the threshold (class 1
 * when `s > 0`), what it shows on the heatmap (the regression output ŷ, or the probability of class 1), and its accuracy.
 */
export interface ProbeFit {
  kind: ProbeKind;
  /** The line `a·p₁ + b·p₂ + c0 = 0` where the probe switches class. */
  a: number;
  b: number;
  c0: number;
  /** Heatmap value at a point: ŷ for regression, `σ(s)` for logistic. */
  value(p1: number, p2: number): number;
  /** The value at each corner, and the corners it classifies correctly (of 4). */
  values: number[];
  correct: number;
  /** For regression: ŷ = w₁p₁ + w₂p₂ + b (the fitted coefficients). */
  coef: { w1: number; w2: number; bias: number };
}

/** Both probes' views of the network: the corners' images in each space and the probe fitted there. */
export interface XorProbeResult {
  /** First-layer weights in the row convention, `W[i][j]` from input `i` to hidden unit `j`, and output weights `u`. */
  W: [[number, number], [number, number]];
  u: [number, number];
  hidden: Pt[];
  input: ProbeFit;
  hiddenFit: ProbeFit;
}

const sigmoid = (s: number): number => 1 / (1 + Math.exp(-s));
const targets = XOR_POINTS.map((p) => p.target);

/** Corners classified correctly by a score (a tie within `TIE` counts as class 0). */
function countCorrect(points: readonly Pt[], s: (p: Pt) => number): number {
  return points.filter((p, i) => (s(p) > TIE ? 1 : 0) === targets[i]).length;
}

/** The article's probe: least squares `ŷ = w·p + b` onto the 0/1 labels, class 1 where `ŷ > ½`. */
export function regressionProbe(points: readonly Pt[]): ProbeFit {
  const fit = leastSquares(tensor(points.map((p) => [p[0], p[1]])), targets);
  const [w1, w2] = [fit.weights[0]!, fit.weights[1]!];
  const value = (p1: number, p2: number): number => w1 * p1 + w2 * p2 + fit.bias;
  const score = (p: Pt): number => value(p[0], p[1]) - 0.5;
  return {
    kind: 'regression',
    a: w1,
    b: w2,
    c0: fit.bias - 0.5,
    value,
    values: points.map((p) => value(p[0], p[1])),
    correct: countCorrect(points, score),
    coef: { w1, w2, bias: fit.bias },
  };
}

/** A two-class softmax probe `softmax(p·Q + c)` fitted by Adam; its score is the logit difference `z₁ − z₀`. */
export function logisticProbe(points: readonly Pt[]): ProbeFit {
  const x = tensor(points.map((p) => [p[0], p[1]]));
  const fit = probe(x, targets, { classes: 2, epochs: 400, batchSize: 4, lr: 0.05, validation: 0, patience: 400 });
  const z = fit.scores(
    tensor([
      [0, 0],
      [1, 0],
      [0, 1],
    ]),
  ).data;
  const c0 = z[1]! - z[0]!;
  const a = z[3]! - z[2]! - c0;
  const b = z[5]! - z[4]! - c0;
  const value = (p1: number, p2: number): number => sigmoid(a * p1 + b * p2 + c0);
  const score = (p: Pt): number => a * p[0] + b * p[1] + c0;
  return {
    kind: 'logistic',
    a,
    b,
    c0,
    value,
    values: points.map((p) => value(p[0], p[1])),
    correct: countCorrect(points, score),
    coef: { w1: a, w2: b, bias: c0 },
  };
}

/** The network's weights: the article's, or seed `seed`'s He start of the bias-free 2-2-1 network (as chapter 2's trainer). */
export function weights(v: Pick<XorProbeValues, 'net' | 'seed'>): Pick<XorProbeResult, 'W' | 'u'> {
  if (v.net === 'article')
    return {
      W: [
        [ARTICLE.w11, ARTICLE.w21],
        [ARTICLE.w12, ARTICLE.w22],
      ],
      u: [ARTICLE.u1, ARTICLE.u2],
    };
  const net = mlp({ sizes: [2, 2, 1], bias: false, init: 'he', rng: rng(v.seed) });
  const [w, u] = [net.layers[0]!.weight.data, net.layers[1]!.weight.data];
  return {
    W: [
      [w[0]!, w[1]!],
      [w[2]!, w[3]!],
    ],
    u: [u[0]!, u[1]!],
  };
}

/** Fits the chosen probe on the raw corners and on their hidden images `h = ReLU(xW)` (or `xW` without the ReLU). */
export function probeXor(v: XorProbeValues): XorProbeResult {
  const { W, u } = weights(v);
  const act = (k: number): number => (v.relu ? Math.max(0, k) : k);
  const corners: Pt[] = XOR_POINTS.map((p) => [p.x, p.y]);
  const hidden: Pt[] = corners.map(([x1, x2]) => [act(x1 * W[0][0] + x2 * W[1][0]), act(x1 * W[0][1] + x2 * W[1][1])]);
  const fit = v.probe === 'regression' ? regressionProbe : logisticProbe;
  return { W, u, hidden, input: fit(corners), hiddenFit: fit(hidden) };
}
