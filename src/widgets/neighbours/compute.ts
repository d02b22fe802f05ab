/**
 * What the pretrained table E holds: nearest rows by cosine similarity, analogies a − b + c, and a 2-D principal-component
 * view of chosen words. Pure (no DOM); loaded when the widget goes live, and at build time for the static figure.
 */
import { nearest, pca2, readWeights, Tensor, type Neighbour, type Projection2D } from '@beyond-linear/tensor';
import type { KindPoint, NeighboursFigure, Point } from './figure';
import { ANSWERS, KINDS, NEIGHBOURS, lookUp, type Kind, type NeighboursValues, type Vocabulary } from './model';
import { analogyQuery, describeAnalogy, describeBase, describeNeighbours, heading, lookupProblem } from './text';

/** The table in a weights file holding `embedding.weight` of shape `[|V|, e]`, checked against the vocabulary's size. */
export function decodeTable(payload: Uint8Array, rows: number): Tensor {
  const t = readWeights(payload).get('embedding.weight');
  if (!t) throw new Error('the weights file holds no embedding table');
  if (t.shape.length !== 2 || t.shape[0] !== rows) throw new Error(`the table has shape [${t.shape.join(', ')}], not ${rows} rows`);
  return t;
}

/** A word with its cosine similarity to the query. */
export interface Scored {
  word: string;
  id: number;
  similarity: number;
}

const named = (v: Vocabulary, list: Neighbour[]): Scored[] => list.map((n) => ({ word: v.words[n.index]!, id: n.index, similarity: n.similarity }));

/** The `k` words whose rows are most similar to row `id` (itself and `<unk>` left out). */
export function neighboursOf(table: Tensor, v: Vocabulary, id: number, k = NEIGHBOURS): Scored[] {
  return named(v, nearest(table, id, k, { exclude: [v.unk] }));
}

/** The vector `E[a] − E[b] + E[c]`. */
export function analogyVector(table: Tensor, a: number, b: number, c: number): Float64Array {
  const e = table.shape[1]!;
  const row = (i: number): Float64Array => table.data.subarray(i * e, i * e + e);
  const [ra, rb, rc] = [row(a), row(b), row(c)];
  return ra.map((x, j) => x - rb[j]! + rc[j]!);
}

/** The `k` words nearest to `E[a] − E[b] + E[c]`, leaving out a, b, c and `<unk>`. */
export function analogyOf(table: Tensor, v: Vocabulary, a: number, b: number, c: number, k = ANSWERS): Scored[] {
  return named(v, nearest(table, analogyVector(table, a, b, c), k, { exclude: [a, b, c, v.unk] }));
}

/** A fixed 2-D view: the principal axes of some words' rows, onto which any vector can be placed. */
export interface View {
  projection: Projection2D;
  /** Coordinates of a vector `x` of length e: `[(x − x̄)·a₁, (x − x̄)·a₂]`. */
  place(x: ArrayLike<number>): [number, number];
  row(id: number): Float64Array;
}

export function viewOf(table: Tensor, ids: readonly number[]): View {
  const e = table.shape[1]!;
  const row = (id: number): Float64Array => table.data.slice(id * e, id * e + e);
  const x = new Tensor(Float64Array.from(ids.flatMap((id) => Array.from(row(id)))), [ids.length, e]);
  const projection = pca2(x);
  const [a1, a2] = projection.axes;
  const place = (v: ArrayLike<number>): [number, number] => {
    let [p, q] = [0, 0];
    for (let j = 0; j < e; j++) {
      const d = v[j]! - projection.mean[j]!;
      p += d * a1[j]!;
      q += d * a2[j]!;
    }
    return [p, q];
  };
  return { projection, place, row };
}

/** The loaded table, its words, and the fixed 2-D view of the figure's words. */
export interface Loaded {
  table: Tensor;
  vocab: Vocabulary;
  view: View;
  base: KindPoint[];
}

export function load(table: Tensor, vocab: Vocabulary): Loaded {
  const entries = (Object.entries(KINDS) as [Kind, readonly string[]][]).flatMap(([kind, words]) => words.map((word) => ({ kind, word })));
  const known = entries.filter((e) => vocab.index.has(e.word));
  const view = viewOf(
    table,
    known.map((e) => vocab.index.get(e.word)!),
  );
  const base = known.map((e) => {
    const [x, y] = view.place(view.row(vocab.index.get(e.word)!));
    return { ...e, x, y };
  });
  return { table, vocab, view, base };
}

/** What the widget shows for its settings: the list and the figure, or a sentence saying why nothing is highlighted. */
export type Reading =
  | { ok: true; heading: string; list: Scored[]; figure: NeighboursFigure; description: string }
  | { ok: false; problems: string[]; figure: NeighboursFigure; description: string };

const LABELS = { word: 'The word', a: 'Word a', b: 'Word b', c: 'Word c' } as const;

export function readingOf(v: NeighboursValues, d: Loaded): Reading {
  const keys = v.mode === 'neighbours' ? (['word'] as const) : (['a', 'b', 'c'] as const);
  const looked = keys.map((k) => ({ k, raw: v[k], l: lookUp(v[k], d.vocab) }));
  const size = d.vocab.words.length - 1;
  const problems = looked.flatMap(({ k, raw, l }) => (l.kind === 'ok' ? [] : [lookupProblem(LABELS[k], raw, l, size)]));
  const point = (id: number): Point => {
    const [x, y] = d.view.place(d.view.row(id));
    return { word: d.vocab.words[id]!, x, y };
  };
  if (problems.length) return { ok: false, problems, figure: { base: d.base, highlight: null }, description: describeBase(problems.join(' ')) };
  const ids = looked.map(({ l }) => (l.kind === 'ok' ? l.id : 0));
  if (v.mode === 'neighbours') {
    const list = neighboursOf(d.table, d.vocab, ids[0]!);
    const word = d.vocab.words[ids[0]!]!;
    const highlight = { query: point(ids[0]!), found: list.map((s) => point(s.id)) };
    return { ok: true, heading: heading(word), list, figure: { base: d.base, highlight }, description: describeNeighbours(word, list, d.table.shape[1]!) };
  }
  const [a, b, c] = ids as [number, number, number];
  const list = analogyOf(d.table, d.vocab, a, b, c);
  const [wa, wb, wc] = [a, b, c].map((i) => d.vocab.words[i]!) as [string, string, string];
  const [qx, qy] = d.view.place(analogyVector(d.table, a, b, c));
  const query = { word: analogyQuery(wa, wb, wc), x: qx, y: qy };
  const highlight = { query, inputs: [point(a), point(b), point(c)] as [Point, Point, Point], found: list.map((s) => point(s.id)) };
  return { ok: true, heading: heading(query.word), list, figure: { base: d.base, highlight }, description: describeAnalogy(wa, wb, wc, list) };
}
