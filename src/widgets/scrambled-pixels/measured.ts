/**
 * The numbers chapter 5 quotes about scrambled pixels, and the widget's build-time figure: seed 1, the first 2,000
 * training and 500 test digits, networks (784-256-128-64-10) trained for 3 epochs. Measured by
 * `npm run measure:controls -- scramble` (the widget's own `ScrambleRun`); `measured.test.ts` re-runs and checks them.
 */
export const measured = {
  // Digits the run used, and epochs of training (SUBSET in measure.ts).
  train: 2000,
  test: 500,
  epochs: 3,
  // π(0) for seed 1 with blank sent to the middle (the default).
  blank: 128,
  // Linear probe (the chapter's softmax probe) on raw pixel values v/255: held-out accuracy.
  raw: 0.886,
  // The same probe on scrambled values (π(v) − π(0))/255.
  scrambled: 0.19,
  // Lookup probe (linear on one-hot values) on the scrambled values; the raw values give exactly the same probe.
  lookup: 0.79,
  // The network trained from scratch on the scrambled digits, and on the raw digits: test accuracy.
  netScrambled: 0.268,
  netRaw: 0.88,
  // With blank left where the shuffle puts it (π(0) = 104 for seed 1), the linear probe on scrambled values.
  randomBlank: { blank: 104, scrambled: 0.42 },
} as const;
