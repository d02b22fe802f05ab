/**
 * The MNIST network with a learned lookup in front: each pixel's value v (a byte, 0–255) is replaced by the row E_v of a
 * table E of 256 × `dim` numbers shared by every pixel (chapter 4's lookup jE, j the one-hot row of v), and the 784 rows
 * side by side are the input of the usual ReLU network. The plain network reads a pixel along a straight line in its
 * value; this one first learns what each value means, so on scrambled values it can learn E ≈ π⁻¹ (up to scale and
 * shift). Pure (no DOM).
 */
import { Embedding, gatherWindow, mul, Tensor, type MLP, type Module, type Rng } from '@beyond-linear/tensor';
import { buildBody, PIXELS, type NetSettings } from './net';

/**
 * The lookup: 256 pixel values, one number each (one is enough to undo a relabelling of the values), starting at 0 (the
 * table knows nothing about the values at first). `rate`: the table is stored divided by this and multiplied back on
 * lookup, so Adam, whose steps are about η whatever the gradient's size, moves its entries `rate` times faster than the
 * network's weights: η = 10⁻³ would need thousands of steps to carry an entry across the range 0–1 of a raw pixel.
 */
export const LOOKUP = { values: 256, dim: 1, rate: 30 } as const;

/** The lookup's shape: numbers per value, and the byte an input 0 stands for (see `splits`). */
export interface LookupSettings {
  dim: number;
  offset: number;
}

export class LookupNet implements Module {
  /** E, `[256, dim]`, divided by `LOOKUP.rate`: row v is what pixel value v feeds the network. */
  readonly table: Embedding;
  readonly body: MLP;
  constructor(
    s: Pick<NetSettings, 'depth' | 'width'>,
    readonly lookup: LookupSettings,
    r: Rng,
  ) {
    this.table = new Embedding({ count: LOOKUP.values, dim: lookup.dim, rng: r });
    this.table.weight.data.fill(0);
    this.body = buildBody(s, PIXELS * lookup.dim, r);
  }

  /**
   * `[E_{v₁} | … | E_{v₇₈₄}]` for every digit (v_p the byte of pixel p), `[n, 784·dim]`, with blank (the byte `offset`) feeding 0 as in the raw digits:
   * its row is masked out, so it never learns and stays 0. That costs nothing: adding one number to every row of E is
   * undone by the first layer's bias. And the input stays as sparse as the raw digits', which the matrix product skips.
   */
  embed(x: Tensor): Tensor {
    const { offset, dim } = this.lookup;
    const ids = new Int32Array(x.size);
    const scale = new Float64Array(x.size * dim);
    x.data.forEach((v, i) => {
      const byte = Math.min(LOOKUP.values - 1, Math.max(0, Math.round(v * 255) + offset));
      ids[i] = byte;
      if (byte !== offset) scale.fill(LOOKUP.rate, i * dim, i * dim + dim);
    });
    const rows = x.shape[0]!;
    return mul(gatherWindow(this.table.weight, ids, PIXELS), new Tensor(scale, [rows, PIXELS * dim]));
  }

  /** The learned table, row by row: `E[v]` for byte v (`dim` numbers each). */
  values(): Float64Array {
    return this.table.weight.data.map((w) => w * LOOKUP.rate);
  }

  forward(x: Tensor): Tensor {
    return this.body.forward(this.embed(x));
  }

  /** Every layer's output after the lookup, as `MLP.trace`. */
  trace(x: Tensor): Tensor[] {
    return this.body.trace(this.embed(x));
  }

  params(): Tensor[] {
    return this.namedParams().map((e) => e[1]);
  }

  namedParams(): [string, Tensor][] {
    const under = (prefix: string, m: Module): [string, Tensor][] => m.namedParams().map(([k, t]) => [`${prefix}.${k}`, t]);
    return [...under('table', this.table), ...under('body', this.body)];
  }
}
