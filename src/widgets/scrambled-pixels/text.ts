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

/** The readouts by name (`data-out`). */
export function readouts(r: Readings, netProgress: string): Record<string, string> {
  return { raw: pct(r.raw), scrambled: pct(r.scrambled), lookup: pct(r.lookup), net: r.net === null ? netProgress : pct(r.net) };
}
