/**
 * The numbers chapter 5 quotes about scrambled pixels, and the widget's build-time figure: seed 1's default run (the
 * one Measure starts): all 8,000 training and 2,000 test digits, the chapter's network (784-256-128-64-10) trained
 * for 6 epochs exactly as in the layer-probes widget. Measured by `npm run measure:controls -- scramble` (the widget's
 * own `ScrambleRun`, 401 s on the shared machine under load); `measured.test.ts` re-runs and checks them.
 */
export const measured = {
  // Digits the run used, and epochs of training (the widget's defaults).
  train: 8000,
  test: 2000,
  epochs: 6,
  // π(0) for seed 1 with blank sent to the middle (the default).
  blank: 128,
  // Linear probe (the chapter's softmax probe) on raw pixel values v/255: held-out accuracy (the layer-probes widget's pixel probe).
  raw: 0.9105,
  // The same probe on scrambled values (π(v) − π(0))/255.
  scrambled: 0.245,
  // Lookup probe (linear on one-hot values) on the scrambled values; the raw values give exactly the same probe.
  lookup: 0.8775,
  // The network trained from scratch on the scrambled digits: test accuracy, and accuracy on its own training digits.
  netScrambled: 0.543,
  netScrambledTrain: 0.94275,
  // The commonest ink value of the training digits, its share of all non-blank pixels, and π of it (seed 1, middle).
  ink: { value: 253, share: 0.1676, becomes: 133 },
  // With blank left where the shuffle puts it (π(0) = 104 for seed 1), the linear probe on scrambled values.
  randomBlank: { blank: 104, scrambled: 0.489 },
} as const;
