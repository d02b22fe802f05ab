import { fmt, reading, type Readout } from '../_shared/format';
import { collapse, collapseGap, separability, stages, type LinearStackValues, type StageName } from './model';

const matrix = (W: readonly (readonly number[])[]): string => `[${W.map((row) => row.map((x) => fmt(x, 2)).join(' ')).join('; ')}]`;

/** The readout texts: collapsed `W′` and the bias row `b′` as the chapter prints them (`[1.00 2.00; 1.00 4.00]`, `[2.00 5.00]`), the largest gap to the network, and each stage's separability. */
export function readouts(v: LinearStackValues): Record<'W' | 'b' | 'gap' | 'hidden' | 'output', Readout> {
  const { W, b } = collapse(v);
  const sep = separability(stages(v));
  const verdict = (s: StageName): string => (sep[s] ? `yes (margin ${fmt(sep[s].margin, 2)})` : 'no');
  return { W: matrix(W), b: matrix([b]), gap: reading(collapseGap(v), fmt(collapseGap(v), 3)), hidden: verdict('hidden h'), output: verdict('output') };
}

/** A sentence describing the three panels for readers who cannot see them. */
export function describe(v: LinearStackValues): string {
  const points = stages(v);
  const where = (s: StageName): string =>
    points
      .filter((p) => p.stage === s)
      .map((p) => `${p.name} at (${fmt(p.x, 1)}, ${fmt(p.y, 1)})`)
      .join(', ');
  const sep = separability(points);
  const g = v.between === 'none' ? 'no function' : v.between === 'step' ? 'a step function' : 'ReLU';
  return `With ${g} between the layers, the hidden points are ${where('hidden h')}; ${sep['hidden h'] ? 'a line separates them' : 'no line separates them'}. The outputs are ${where('output')}; ${sep.output ? 'a line separates them' : 'no line separates them'}.`;
}
