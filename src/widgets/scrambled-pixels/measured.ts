/**
 * The numbers chapter 5 quotes about scrambled pixels, and the widget's build-time figure: seed 1's default run (the
 * one Measure starts): the first 2,000 training and 500 test digits and 3 epochs per network, as in the control-task
 * widget (`SMALL_RUN`). Measured by `npm run measure:controls -- scramble` (the widget's own `ScrambleRun`: about 11 s
 * of CPU, 50 s on the shared machine under load; 12.9 s in Chromium from pressing Measure); `measured.test.ts` re-runs
 * and checks them. Other seeds (`npm run measure:controls -- scramble-seeds`, π and the networks' seed; test accuracy
 * of the networks on raw / scrambled / lookup + scrambled, and the table's weighted correlation with v):
 *   seed 1: 0.880 / 0.268 / 0.860, r 0.802     seed 2: 0.866 / 0.320 / 0.848, r 0.756
 *   seed 3: 0.880 / 0.388 / 0.882, r 0.786     seed 4: 0.882 / 0.466 / 0.868, r −0.792
 *   seed 5: 0.896 / 0.222 / 0.822, r −0.683    (a negative r is a falling table: the next layer takes the sign)
 */
export const measured = {
  // Digits the run used, and epochs of training per network (SMALL_RUN).
  train: 2000,
  test: 500,
  epochs: 3,
  // π(0) for seed 1 with blank sent to the middle (the default).
  blank: 128,
  // Linear probe (the chapter's softmax probe) on raw pixel values v/255: held-out accuracy (the control-task widget's linear probe on the pixels).
  raw: 0.886,
  // The same probe on scrambled values (π(v) − π(0))/255.
  scrambled: 0.19,
  // Lookup probe (linear on one-hot values) on the scrambled values; the raw values give exactly the same probe.
  lookup: 0.79,
  // The chapter's network (784-256-128-64-10) trained on each input: test accuracy, and accuracy on its own training digits.
  // raw: the raw digits (the control-task widget's network: same digits, seed and training); plain: the scrambled values
  // (π(v) − π(0))/255; lookup: the scrambled bytes through a learned 256 × 1 table E (LookupNet), blank's row fixed at 0.
  nets: {
    raw: { test: 0.88, train: 0.94 },
    plain: { test: 0.268, train: 0.615 },
    lookup: { test: 0.86, train: 0.934 },
  },
  // The lookup network's learned table read by original value, E[π(v)] for v = 0 … 255 (three decimals), and its
  // correlation with v over the ink values weighted by how often each occurs in the training digits.
  tableR: 0.802,
  table: [
    0, 0.077, 0.214, 0.225, -0.155, 0.309, 0.068, 0.038, 0.245, 0.309, 0.436, 0.414, 0.147, 0.484, 0.257, 0.209, 0.193, 0.405, -0.206, 0.051, 0.213, 0.367,
    0.15, 0.066, 0.024, 0.046, 0.303, -0.165, -0.039, 0.506, 0.213, 0.263, 0.232, 0.422, 0.317, 0.488, 0.188, 0.618, 0.444, 0.294, 0.526, 0.395, 0.535, 0.131,
    0.137, 0.287, 0.454, 0.218, 0.365, 0.484, 0.246, 0.194, 0.294, 0.485, 0.203, 0.323, 0.139, 0.418, 0.555, 0.431, 0.348, 0.075, 0.589, 0.232, 0.44, 0.222,
    0.605, 0.362, 0.701, 0.546, 0.289, 0.343, 0.276, 0.153, -0.027, 0.313, 0.435, 0.296, 0.247, 0.277, 0.192, 0.413, 0.266, 0.552, 0.518, 0.59, 0.609, 0.44,
    0.12, 0.431, 0.316, 0.428, -0.071, 0.117, 0.534, 0.197, 0.319, 0.283, 0.513, 0.778, 0.704, 0.374, 0.683, 0.35, 0.342, 0.509, 0.138, 0.519, 0.238, 0.325,
    0.206, 0.422, 0.277, 0.513, 0.363, 0.658, 0.289, 0.528, 0.458, 0.361, 0.086, 0.237, 0.629, 0.289, 0.347, 0.288, 0.387, 0.533, 0.295, -0.076, 0.183, 0.284,
    0.293, 0.516, 0.321, 0.173, 0.253, 0.38, 0.311, -0.088, 0.617, 0.314, 0.603, 0.073, 0.365, 0.304, 0.305, 0.766, 0.281, 0.335, 0.45, 0.315, 0.307, 0.617,
    0.268, 0.452, 0.714, 0.108, 0.371, 0.591, 0.395, 0.531, 0.635, 0.371, 0.173, 0.405, 0.486, 0.307, 0.723, 0.579, 0.439, 0.671, 0.53, 0.448, 0.32, 0.775,
    0.632, 0.508, 0.363, 0.572, 0.564, 0.69, 0.57, 0.496, 0.468, 0.202, 0.763, 0.077, 0.752, 0.389, 0.286, 0.605, 0.668, 0.291, 0.329, 0.747, 0.714, 0.363,
    0.732, 0.69, 0.606, 0.519, 0.535, 0.855, 0.516, 0.102, 0.536, 0.42, 0.37, 0.449, 0.307, 0.354, 0.554, 0.574, 0.606, 0.645, 0.401, 0.654, 0.428, 0.639,
    0.592, 0.609, 0.589, 0.411, 0.442, 0.589, 0.552, 0.55, 0.521, 0.482, 0.47, 0.748, 0.804, 0.67, 0.791, 0.748, 0.356, 0.289, 0.328, 0.543, 0.828, 0.506,
    0.642, 0.852, 0.47, 0.606, 0.946, 0.425, 0.641, 0.715, 0.774, 0.65, 0.93, 1.131, 1.074, 0.887,
  ],
  // The commonest ink value of the training digits, its share of all non-blank pixels, and π of it (seed 1, middle).
  ink: { value: 253, share: 0.1676, becomes: 133 },
  // With blank left where the shuffle puts it (π(0) = 104 for seed 1), the linear probe on scrambled values.
  randomBlank: { blank: 104, scrambled: 0.42 },
} as const;
