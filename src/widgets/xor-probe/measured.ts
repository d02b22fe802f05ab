/**
 * Numbers chapter 5 quotes about the XOR probe, each measured by this widget's code (`compute.ts`) and re-checked by
 * `measured.test.ts` (run: `npx vitest run src/widgets/xor-probe/measured.test.ts`).
 */
export const measured = {
  /** Regression probe on the raw corners: intercept of ŷ = w·x + b (both weights 0), so ŷ = ½ at every corner. */
  inputIntercept: 0.5,
  /** Corners the regression probe (and the logistic one) gets right on the raw inputs: chance. */
  inputCorrect: 2,
  /** Corners the regression probe gets right on the article's hidden layer. */
  hiddenCorrect: 4,
  /** Regression probe on the article's hidden layer: ŷ = w₁h₁ + w₂h₂ + b with w₁ = 1/1.1485, w₂ = 1/1.0189, b ≈ 0. */
  hiddenW1: 0.8707,
  hiddenW2: 0.9815,
  /** Logistic probe on the article's hidden layer: P(class 1) at the corner 00 (and 11), and at 01, after 400 Adam epochs. */
  logisticAt00: 0.008,
  logisticAt01: 0.991,
  /** Random He starts (seeds 0–99 of chapter 2's trainer) whose hidden layer the regression probe already separates. */
  randomSeparable: 5,
  randomSeeds: 100,
} as const;
