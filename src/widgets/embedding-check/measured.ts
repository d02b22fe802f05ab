/**
 * Numbers the chapter quotes about the three-way check for E, each computed by `checkData` in `compute.ts` and re-run
 * by `measured.test.ts` (values to two significant digits; counts exactly). Command: `npx vitest run src/widgets/embedding-check`.
 */
export const measured = {
  /** Largest |hand − autograd| over the 24 entries of ∂𝓛/∂E at the defaults (seed 1, t = 3, n = 2): checkData(3, 2, 1).checks[2].handAuto. */
  handAutograd: 1.3e-16,
  /** Largest |hand − central differences| (ε = 10⁻⁶) over the same entries: checkData(3, 2, 1).checks[2].handFd. */
  handFd: 4.3e-10,
  /** Settings swept: seeds 1–50 × t = 1…4 × n = 1…3. */
  sweepCases: 600,
  /** Worst |hand − central differences| over the sweep, at ∂ℓ/∂x (times t) and ∂𝓛/∂E. */
  sweepWorstFd: 4.3e-9,
  /** Worst |hand − autograd| over the sweep, at ∂ℓ/∂x (times t) and ∂𝓛/∂E. */
  sweepWorstAutograd: 3.6e-15,
  /** Rows of E the default minibatch uses (its 6 words are 5 distinct ones), and rows whose gradient is exactly 0. */
  rowsUsed: 5,
  rowsZero: 3,
} as const;
