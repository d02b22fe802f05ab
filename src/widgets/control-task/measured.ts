/**
 * The numbers chapter 5 quotes about control tasks, and the widget's build-time figure: seed 1, the first 2,000 training
 * and 500 test digits, the default network (784-256-128-64-10) trained for 3 epochs, k = 100 clusters over the 2,500
 * digits. Measured by `node scripts/measure-controls.ts control` (the widget's own `ControlRun`); `measured.test.ts`
 * re-runs the linear and the widest MLP probes (the ones the chapter quotes) and checks them to ±0.002.
 */
export const measured = {
  // Digits the run used, and epochs of training (SUBSET in measure.ts).
  train: 2000,
  test: 500,
  epochs: 3,
  // The network's own test accuracy after 3 epochs on the 2,000 digits.
  netAccuracy: 0.9,
  layers: ['pixels', 'hidden 1', 'hidden 2', 'hidden 3', 'output'],
  // Held-out accuracy per layer (pixels first) on the real task (digit labels) and the control task (random label per cluster).
  capacities: [
    { capacity: 'linear', real: [0.886, 0.906, 0.904, 0.906, 0.91], control: [0.532, 0.586, 0.508, 0.382, 0.278] },
    { capacity: 'mlp-16', real: [0.906, 0.904, 0.882, 0.9, 0.902], control: [0.544, 0.588, 0.43, 0.372, 0.34] },
    { capacity: 'mlp-64', real: [0.914, 0.896, 0.878, 0.908, 0.91], control: [0.656, 0.578, 0.52, 0.46, 0.338] },
    { capacity: 'mlp-256', real: [0.918, 0.898, 0.9, 0.888, 0.908], control: [0.684, 0.68, 0.552, 0.462, 0.358] },
  ],
} as const;
