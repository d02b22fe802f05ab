import { fmt, fmtVec } from '../_shared/format';
import type { LookupData } from './compute';
import { E_WIDTH, HIDDEN, NOTES, VOCAB, costs, fmtInt, uses, windowWords, type LookupValues } from './model';

const name = (j: number): string => `${j + 1} ${VOCAB[j] ?? ''}`;

/** Short readouts (numbers) and sentences: the window, the cost counters (this table and the notes' scale), the gradient's rows. */
export type ReadoutKey = 'window' | 'product' | 'lookup' | 'weights' | 'notesProduct' | 'notesWeights' | 'rows' | 'touched' | 'repeat' | 'loss';

export function readouts(data: LookupData, v: LookupValues): Record<ReadoutKey, string> {
  const n = v.n;
  const small = costs(n, VOCAB.length, E_WIDTH, HIDDEN);
  const big = costs(n, NOTES.V, NOTES.e, NOTES.v);
  const words = windowWords(v);
  return {
    window: `${words.join(' ')} → rows ${words.map((w) => VOCAB.indexOf(w) + 1).join(', ')} of E → x = ${fmtVec(data.x)}.`,
    product: `${fmtInt(small.product)} (${fmtInt(small.product - small.useful)} of them by 0)`,
    lookup: `0 (${fmtInt(small.copies)} numbers copied)`,
    weights: `${fmtInt(small.oneHotWeights)} vs ${fmtInt(VOCAB.length * E_WIDTH)} + ${fmtInt(n * E_WIDTH * HIDDEN)} = ${fmtInt(small.tableWeights)}`,
    notesProduct: `${fmtInt(big.product)} vs 0 (${fmtInt(big.copies)} copied)`,
    notesWeights: `${fmtInt(big.oneHotWeights)} vs ${fmtInt(big.tableWeights)}`,
    ...gradientReadouts(data, v),
  };
}

/** Which rows of E the minibatch reached, and the sum behind the most-used one. */
function gradientReadouts(data: LookupData, v: LookupValues): Record<'rows' | 'touched' | 'repeat' | 'loss', string> {
  const used = uses(data.ids, v.n);
  const t = data.targets.length;
  const sorted = [...used.entries()].sort((a, b) => a[0] - b[0]);
  const list = sorted.map(([j, u]) => `${name(j)} (${u.length}×)`).join(', ');
  const zero = VOCAB.length - used.size;
  const touched = `${used.size} of ${VOCAB.length} rows received gradient: ${list}; ${zero === 0 ? 'no row is left out' : `the other ${zero} ${zero === 1 ? 'row is' : 'rows are'} exactly 0`}.`;
  const [j, u] = sorted.reduce((best, cur) => (cur[1].length > best[1].length ? cur : best));
  const terms = u.map(([r, k]) => `item ${r + 1}, block ${k + 1}`).join(' + ');
  const repeat =
    u.length > 1
      ? `Row ${name(j)} = (1/${t})·(${terms}) = ${fmtVec(data.dE[j] ?? [], 4)}: used ${u.length} times, its gradients add up.`
      : `No word repeats in this minibatch; each used row is one block of ∂ℓ/∂x divided by t = ${t}.`;
  return { rows: `${used.size} of ${VOCAB.length}`, touched, repeat, loss: fmt(data.loss, 4) };
}

/** A sentence saying what the figure shows, for readers who cannot see it. */
export function describe(data: LookupData, v: LookupValues): string {
  const r = readouts(data, v);
  if (v.view === 'gradient') {
    return `After one minibatch of t = ${data.targets.length} windows of n = ${v.n} words: the word indices, each item's gradient at its input x, and the gradient of the mean loss with respect to E. ${r.touched} ${r.repeat}`;
  }
  return `The window ${r.window} Each one-hot row times E selects one row of E; the product costs ${r.product} multiply-adds, the lookup ${r.lookup}.`;
}
