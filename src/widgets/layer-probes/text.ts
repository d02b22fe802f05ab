/** The layer-probes widget's sentences: readouts, the figure's description for screen readers, and the state of the run. */
import { fmt } from '../_shared/format';
import type { Checkpoint, MnistSnapshot } from '../_shared/mnist-net/run';
import { architecture } from '../_shared/mnist-net/sizes';
import type { LayerProbesValues } from './model';

/** The network a run of these settings trains, for a readout: `784-256-128-64-10 ReLU, seed 1`. */
export function networkText(v: LayerProbesValues): string {
  return `${architecture({ depth: v.depth, width: Number(v.width) })} ReLU, seed ${v.seed}`;
}

/** What a checkpoint is called on the chart: `at initialisation`, `after 1 epoch`, `after 3 epochs`. */
export function checkpointLabel(epoch: number): string {
  return epoch === 0 ? 'at initialisation' : `after ${epoch} epoch${epoch === 1 ? '' : 's'}`;
}

/** Short axis names of the probed layers: `pixels`, `h⁽¹⁾`, `h⁽²⁾`, …, `output`. */
export function layerTicks(count: number): string[] {
  const sup = (n: number): string => String(n).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]!);
  return Array.from({ length: count }, (_, i) => (i === 0 ? 'pixels' : i === count - 1 ? 'output' : `h⁽${sup(i)}⁾`));
}

/** A share as a percentage with one decimal: `95.4 %`. */
export function pct(x: number): string {
  return `${fmt(100 * x, 1)} %`;
}

/** What the run is doing now, in a few words. */
export function phaseText(s: MnistSnapshot): string {
  if (s.phase === 'diverged') return 'stopped: training diverged';
  if (s.phase === 'finished') return `finished: ${s.epochs} epochs and ${s.checkpoints.length} probe sweeps`;
  if (s.probing) return `probing layer ${s.probing.done + 1} of ${s.probing.of} (${s.probing.layer}) ${checkpointLabel(s.probing.epoch)}`;
  if (s.phase === 'probing') return `computing the frozen activations ${checkpointLabel(s.epoch)}`;
  const inEpoch = s.steps - s.epoch * s.stepsPerEpoch;
  return `training: epoch ${s.epoch + 1} of ${s.epochs}, step ${inEpoch} of ${s.stepsPerEpoch}`;
}

/** The readouts: the network's test accuracy, the training loss, the phase and the latest complete sweep's range. */
export function readouts(s: MnistSnapshot): Record<string, string> {
  const done = lastComplete(s.checkpoints);
  return {
    'net-acc': `${pct(s.testAccuracy)} (${s.epoch === 0 ? 'untrained' : `after ${s.epoch} epoch${s.epoch === 1 ? '' : 's'}`})`,
    loss: s.loss === null ? '– (no step yet)' : fmt(s.loss, 3),
    phase: phaseText(s),
    probes: done ? done.layers.map((l) => pct(l.accuracy)).join(' → ') : '– (no sweep finished yet)',
  };
}

/** The newest checkpoint whose probes are all fitted. */
export function lastComplete(checkpoints: readonly Checkpoint[]): Checkpoint | undefined {
  return checkpoints.filter((c) => c.complete).at(-1);
}

/** One checkpoint's curve in words: `at initialisation (network 10.6 %): pixels 91.5 %, h⁽¹⁾ 91.1 %, …`. */
function curveText(c: { epoch: number; netAccuracy: number; accuracies: readonly number[] }, layers: number): string {
  const names = layerTicks(layers);
  const label = checkpointLabel(c.epoch);
  return `${label[0]!.toUpperCase()}${label.slice(1)} (network ${pct(c.netAccuracy)}): ${c.accuracies.map((a, i) => `${names[i]} ${pct(a)}`).join(', ')}`;
}

/** The figure in words, for readers who cannot see it. */
export function describe(architecture: string, all: ReadonlyArray<{ epoch: number; netAccuracy: number; accuracies: readonly number[] }>): string {
  const layers = architecture.split('-').length;
  const curves = all.filter((c) => c.accuracies.length > 0);
  if (curves.length === 0) return `Probe accuracy against depth for a ${architecture} ReLU network: no probe has been fitted yet.`;
  return `Held-out accuracy of a linear probe on each layer of a ${architecture} ReLU network, raw pixels first, one curve per checkpoint. ${curves
    .map((c) => `${curveText(c, layers)}.`)
    .join(' ')}`;
}

/** A caption for one layer's misread digits: `h⁽²⁾ probe: 87 of 2,000 test digits wrong; shown: 7 read as 1, …`. */
export function wrongCaption(name: string, count: number, of: number, shown: ReadonlyArray<{ label: number; predicted: number }>): string {
  const list = shown.map((w) => `${w.label} read as ${w.predicted}`).join(', ');
  return `${name}: ${count.toLocaleString('en')} of ${of.toLocaleString('en')} test digits wrong${shown.length ? `; shown: ${list}` : ''}.`;
}
