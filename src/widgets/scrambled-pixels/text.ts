/** Readouts and the text description of the scrambled-pixels figure. Pure. */
import { READERS, type Readings } from './model';

/** An accuracy in percent with one decimal, or a word while it is not measured. */
export function pct(a: number | null): string {
  return a === null ? 'not yet measured' : `${(a * 100).toFixed(1)} %`;
}

/** What the chart shows, in a sentence per reader, for screen readers and the no-JavaScript page. */
export function describe(r: Readings, blank: number): string {
  const parts = READERS.map((d) => `${d.label}: ${pct(r[d.key])}`);
  return `Held-out accuracy on the test digits when every pixel value v is replaced by π(v) (blank becomes ${blank}). ${parts.join('; ')}.`;
}

/** The readouts by name (`data-out`): each accuracy, or for a network being trained, its progress. */
export function readouts(r: Readings, training: Partial<Record<keyof Readings, string>> = {}): Record<keyof Readings, string> {
  const out = {} as Record<keyof Readings, string>;
  for (const { key } of READERS) out[key] = r[key] === null && training[key] ? training[key] : pct(r[key]);
  return out;
}

/** The learned table in a sentence: blank, and the correlation of the ink values' numbers with v (of either sign). */
export function tableText(r: number | null): string {
  if (r === null) return 'The lookup network’s table appears once it trains.';
  const sign = r < 0 ? ' (a falling table serves as well as a rising one: the next layer’s weights take the sign)' : '';
  return `The lookup network’s learned number for each value v, E[π(v)], against v: blank feeds 0, and over the ink values (weighted by how often each occurs) the numbers correlate with v at r = ${r.toFixed(2)}${sign}; the network has learned much of π⁻¹ back.`;
}
