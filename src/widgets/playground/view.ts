/** The plotted square `[−BOX₁, BOX₁]²` in the scaled input coordinates (the data lie in `[−1, 1]²`). */
export const BOX = [-1.15, 1.15] as const;
/** Heatmap resolution: `GRID × GRID` cells, one network forward pass over all of them per redraw. */
export const GRID = 46;
/** Resolution of the hidden units' thumbnails: `UNIT_GRID × UNIT_GRID` cells. */
export const UNIT_GRID = 15;

/** Loss (cross-entropy, without the penalty) and accuracy on both sets after `step` steps, and the L2 penalty `(λ/2)‖W‖²`. */
export interface Metrics {
  step: number;
  trainLoss: number;
  testLoss: number;
  trainAcc: number;
  testAcc: number;
  penalty: number;
}

/** One point of the curves: the metrics at one step. */
export type HistoryPoint = Metrics;

/** The network's decision at each heatmap cell (row-major from the bottom-left): the class and its probability. */
export interface Regions {
  cls: Uint8Array;
  conf: Float64Array;
}

/** Each hidden layer's unit outputs over the `n × n` grid (row-major from the bottom-left), `values[cell · count + unit]`. */
export interface Units {
  n: number;
  layers: Array<{ count: number; values: Float64Array }>;
}

/** One data point in the scaled coordinates, its class, and whether it is held out. */
export interface DataPoint {
  x: number;
  y: number;
  label: number;
  test: boolean;
}

/** A snapshot of a training run: what the figure, the readouts and the description show. */
export interface RunView {
  classes: number;
  points: DataPoint[];
  regions: Regions;
  units: Units;
  history: readonly HistoryPoint[];
  metrics: Metrics;
  steps: number;
  epochs: number;
  error: string | null;
}
