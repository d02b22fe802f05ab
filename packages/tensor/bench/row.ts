/** One row of the bench table: a workload, our rate, the references' rates, their ratios and the target. */
export interface BenchRow {
  workload: string;
  unit: string;
  ours: number;
  hand: number;
  tfjs: number;
  vsTf: number;
  vsHand: number;
  target: string;
  pass: boolean;
}
