import { COMPLEXITIES, CONCEPT_NAMES, firstDecodable, layerName, type ConceptValues } from './model';
import { TRAIN_STEPS } from './model';
import type { ConceptSnapshot } from './model';

const percent = (a: number): string => `${Math.round(a * 100)} %`;

/** Each concept's first decodable layer in a grid, e.g. `one bit: input; XOR of two bits: h⁽¹⁾; …`, or `not probed yet`. */
export function depthsText(grid: ConceptSnapshot['trained']): string {
  if (grid.some((row) => row.some((a) => a === null))) return 'not probed yet';
  return COMPLEXITIES.map((_, c) => {
    const l = firstDecodable(grid.map((row) => row[c] ?? null));
    return `${CONCEPT_NAMES[c]}: ${l === null ? 'no layer' : layerName(l)}`;
  }).join('; ');
}

/** Where the run stands, in words. */
export function phaseText(s: ConceptSnapshot): string {
  const half = s.totalProbes / 2;
  if (s.phase === 'probing at initialisation') return `probing the untrained network: ${s.probes} of ${half} probes`;
  if (s.phase === 'training') return `training: step ${s.steps} of ${TRAIN_STEPS}`;
  if (s.phase === 'probing after training') return `probing the trained network: ${s.probes - half} of ${half} probes`;
  return `finished: ${TRAIN_STEPS} steps, ${s.totalProbes} probes`;
}

/** The readouts by name. */
export function readouts(s: ConceptSnapshot): Record<'phase' | 'depth-trained' | 'depth-init' | 'heads', string> {
  return {
    phase: phaseText(s),
    'depth-trained': depthsText(s.trained),
    'depth-init': depthsText(s.init),
    heads: s.steps === 0 ? 'not trained yet' : s.heads.map((a, c) => `${CONCEPT_NAMES[c]} ${percent(a)}`).join(', '),
  };
}

/** A sentence describing the charts for readers who cannot see them. */
export function describe(v: ConceptValues, s: ConceptSnapshot): string {
  const rows = s.trained
    .map((row, l) => (row.every((a) => a !== null) ? `${layerName(l)} ${row.map((a) => percent(a ?? 0)).join('/')}` : ''))
    .filter(Boolean)
    .join(', ');
  return (
    `A network with ${v.layers} hidden ReLU layers of ${v.width} units, ${v.noise} noise bits, seed ${v.seed}; ${phaseText(s)}. ` +
    `First layer where each concept's probe reaches 90 % held-out accuracy, after training: ${depthsText(s.trained)}; at initialisation: ${depthsText(s.init)}.` +
    (rows ? ` Probe accuracies after training (one bit/XOR/parity of three): ${rows}.` : '')
  );
}
