import { describe, expect, it } from 'vitest';
import { Tensor, gatherWindow, linear, relu, softmaxCrossEntropy } from '@beyond-linear/tensor';
import { defaults } from '../_shared/state';
import { TABLE, lookupData, network } from './compute';
import { lookupSvg, gradientSvg } from './figure';
import { E_WIDTH, NOTES, VOCAB, costs, minibatch, props, row, uses, type LookupValues } from './model';
import { readouts } from './text';

const base = defaults(props);
const at = (patch: Partial<LookupValues>): LookupValues => ({ ...base, ...patch });

describe('a lookup is a product', () => {
  it('the window x is the one-hot rows times E, block by block', () => {
    const v = at({ w1: 'salamander', w2: 'the', w3: 'salamander' });
    const data = lookupData(v);
    const words = [v.w1, v.w2, v.w3];
    words.forEach((w, k) => {
      const oneHot = VOCAB.map((_, j) => (j === row(w) ? 1 : 0));
      const product = Array.from({ length: E_WIDTH }, (_, c) => oneHot.reduce<number>((s, o, j) => s + o * TABLE.data[j * E_WIDTH + c]!, 0));
      expect(data.x.slice(k * E_WIDTH, k * E_WIDTH + E_WIDTH)).toEqual(product);
    });
    expect(lookupSvg(data, v)).toContain('j<tspan baseline-shift="sub" font-size="85%">1</tspan> = salamander');
  });

  it('counts the multiply-adds and weights, here and at the notes’ scale', () => {
    expect(costs(3, 8, 3, 4)).toEqual({ product: 72, useful: 9, copies: 9, oneHotWeights: 96, tableWeights: 60, oneHotLayer: 96, tableLayer: 36 });
    const notes = costs(20, NOTES.V, NOTES.e, NOTES.v);
    expect(notes.product).toBe(100_000_000);
    expect(notes.copies).toBe(2_000);
    expect(notes.oneHotWeights).toBe(50_000_000);
    expect(notes.tableWeights).toBe(5_100_000);
    const r = readouts(lookupData(base), base);
    expect(r.product).toBe('72 (63 of them by 0)');
    expect(r.lookup).toBe('0 (9 numbers copied)');
    expect(r.weights).toBe('96 vs 24 + 36 = 60');
    expect(r.notesProduct).toBe('15,000,000 vs 0 (300 copied)');
    expect(r.notesWeights).toBe('7,500,000 vs 5,015,000');
  });
});

describe('after a minibatch', () => {
  it('builds t windows of n words from the reader’s window and the fixed fragments', () => {
    expect(minibatch(at({ n: 2, t: 3 })).ids.map((j) => VOCAB[j])).toEqual(['the', 'cat', 'the', 'dog', 'a', 'cat']);
    expect(minibatch(at({ n: 2, t: 3 })).targets.map((j) => VOCAB[j])).toEqual(['fish', 'eats', 'sees']);
    expect(minibatch(at({ n: 1, t: 1 })).ids).toEqual([row('the')]);
  });

  it('only the rows used get a gradient; a repeated word accumulates, divided by t; it equals autograd', () => {
    const v = at({ n: 3, t: 3 });
    const data = lookupData(v);
    const used = uses(data.ids, v.n);
    expect([...used.keys()].sort()).toEqual((['the', 'cat', 'eats', 'dog', 'a', 'sees'] as const).map(row).sort());
    for (const w of ['salamander', 'fish'] as const) expect(data.dE[row(w)]).toEqual([0, 0, 0]);
    expect(used.get(row('the'))).toEqual([
      [0, 0],
      [1, 0],
    ]);
    const block = (r: number, k: number): number[] => (data.dx[r] ?? []).slice(k * E_WIDTH, k * E_WIDTH + E_WIDTH);
    const want = block(0, 0).map((g, c) => (g + (block(1, 0)[c] ?? 0)) / 3);
    data.dE[row('the')]!.forEach((g, c) => expect(g).toBeCloseTo(want[c]!, 14));
    expect(readouts(data, v).touched).toBe(
      '6 of 8 rows received gradient: 1 the (2×), 2 a (1×), 3 cat (2×), 4 dog (1×), 7 eats (2×), 8 sees (1×); the other 2 rows are exactly 0.',
    );
    expect(gradientSvg(data, v)).toContain('∂𝓛/∂E (8 × 3)');

    // Autograd through the tensor package's gatherWindow, on the same seeded network.
    const E = new Tensor(TABLE.data.slice(), [8, 3]).requireGrad();
    const x = gatherWindow(E, data.ids, v.n);
    expect(Array.from(x.data.subarray(0, 9))).toEqual(data.x);
    const hand = data.dE.flat();
    const { H, bH, U, bU } = network(v.n);
    softmaxCrossEntropy(linear(relu(linear(x, H, bH)), U, bU), data.targets).backward();
    E.grad!.forEach((g, i) => expect(g).toBeCloseTo(hand[i]!, 12));
  });
});
