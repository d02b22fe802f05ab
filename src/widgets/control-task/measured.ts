/**
 * The numbers chapter 5 quotes about control tasks, and the widget's build-time figure: seed 1, the first 2,000 training
 * and 500 test digits, the default network (784-256-128-64-10) trained for 3 epochs, k = 100 clusters over the 2,500
 * digits. Measured by `npm run measure:controls -- control` (the widget's own `ControlRun`); `measured.test.ts`
 * re-runs the linear and the widest MLP probes (the ones the chapter quotes) and checks them to ±0.002.
 */
export const measured = {
  // Digits the run used, and epochs of training (SUBSET in measure.ts).
  train: 2000,
  test: 500,
  epochs: 3,
  // The network's own test accuracy after 3 epochs on the 2,000 digits.
  netAccuracy: 0.88,
  layers: ['pixels', 'hidden 1', 'hidden 2', 'hidden 3', 'output'],
  // Held-out accuracy per layer (pixels first) on the real task (digit labels) and the control task (random label per cluster).
  capacities: [
    { capacity: 'linear', real: [0.886, 0.89, 0.888, 0.882, 0.878], control: [0.538, 0.412, 0.456, 0.326, 0.276] },
    { capacity: 'mlp-16', real: [0.904, 0.862, 0.796, 0.86, 0.89], control: [0.458, 0.362, 0.28, 0.312, 0.33] },
    { capacity: 'mlp-64', real: [0.878, 0.866, 0.856, 0.86, 0.894], control: [0.546, 0.428, 0.33, 0.37, 0.352] },
    { capacity: 'mlp-256', real: [0.878, 0.882, 0.87, 0.868, 0.868], control: [0.6, 0.436, 0.366, 0.39, 0.378] },
  ],
} as const;
