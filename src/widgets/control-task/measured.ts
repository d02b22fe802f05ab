/**
 * The numbers chapter 5 quotes about control tasks, and the widget's build-time figure: seed 1, the widget's default
 * run (`RUN` in train.ts: the first 2,000 training and 500 test digits, the default network 784-256-128-64-10 trained
 * for 3 epochs, k = 100 clusters over the 2,500 digits; MLP probes trained as `MLP_TRAINING` says). Measured by
 * `npm run measure:controls -- control` (the widget's own `ControlRun`, 635 s on the shared machine under load);
 * `measured.test.ts` re-runs the linear probes and the widest MLP probe on the third hidden layer (the pairs the chapter
 * quotes) and checks them to ±0.002.
 */
export const measured = {
  // Digits the run used, and epochs of training (RUN in train.ts).
  train: 2000,
  test: 500,
  epochs: 3,
  // The network's own test accuracy after 3 epochs on the 2,000 digits.
  netAccuracy: 0.88,
  layers: ['pixels', 'hidden 1', 'hidden 2', 'hidden 3', 'output'],
  // Held-out accuracy per layer (pixels first) on the real task (digit labels) and the control task (random label per cluster).
  capacities: [
    { capacity: 'linear', real: [0.886, 0.89, 0.888, 0.882, 0.878], control: [0.538, 0.412, 0.456, 0.326, 0.276] },
    { capacity: 'mlp-16', real: [0.908, 0.906, 0.872, 0.876, 0.882], control: [0.598, 0.484, 0.442, 0.386, 0.36] },
    { capacity: 'mlp-64', real: [0.922, 0.89, 0.884, 0.884, 0.9], control: [0.69, 0.638, 0.584, 0.498, 0.434] },
    { capacity: 'mlp-256', real: [0.932, 0.922, 0.898, 0.878, 0.886], control: [0.74, 0.698, 0.664, 0.552, 0.442] },
  ],
} as const;
