/**
 * Numbers chapter 5 quotes about concept depth, each measured by this widget's run (`train.ts`) with the default
 * settings (seed 1, 4 hidden layers of 32 ReLU units, 12 noise bits) and re-checked by `measured.test.ts`
 * (run: `npx vitest run src/widgets/concept-depth/measured.test.ts`, about 5 s). The sweep over seeds is
 * `SWEEP=1 npx vitest run src/widgets/concept-depth/sweep.test.ts` (8 full runs, 30–90 s).
 */
export const measured = {
  /** First layer (0 = input) where each concept's probe reaches 90 % held-out accuracy after training: one bit, XOR, parity of three. */
  depths: [0, 1, 2],
  /** Held-out probe accuracy after training, XOR on h⁽¹⁾ and parity of three on h⁽¹⁾ and h⁽²⁾. */
  xorAt1: 0.986,
  parityAt1: 0.517,
  parityAt2: 0.966,
  /** Held-out probe accuracy of XOR and parity of three on the raw input (chance, 0.5 up to sampling). */
  xorAt0: 0.48,
  parityAt0: 0.494,
  /** At initialisation: the best held-out probe accuracy over all layers, XOR and parity of three (never decodable). */
  xorInitBest: 0.637,
  parityInitBest: 0.524,
  /** At initialisation: the one-bit concept's probe accuracy on h⁽¹⁾ … h⁽⁴⁾ (it fades through random layers). */
  bitInit: [0.948, 0.764, 0.694, 0.677],
  /** The network's own held-out accuracy, lowest over the three heads. */
  headsMin: 1,
  /** Sweep, seeds 1–8: first decodable layer of XOR and of parity of three, per seed (1 = h⁽¹⁾ …). */
  sweepXor: [1, 1, 2, 3, 2, 2, 3, 2],
  sweepParity: [2, 3, 2, 2, 2, 3, 3, 2],
} as const;
