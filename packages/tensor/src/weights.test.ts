import { describe, expect, it } from 'vitest';
import { Embedding, exportWeights, importWeights, mlp, noGrad, readWeights, rng, tensor } from './index.ts';

const net = (seed: number): ReturnType<typeof mlp> => mlp({ sizes: [3, 5, 2], rng: rng(seed) });

/** A valid binary file, then edited by `edit` (bytes and a little-endian view of them). */
function tampered(edit: (bytes: Uint8Array, view: DataView) => Uint8Array | void): Uint8Array {
  const bytes = exportWeights(net(1)).slice();
  return edit(bytes, new DataView(bytes.buffer)) ?? bytes;
}

/** A binary file with a hand-written header (and enough zero bytes of data for `floats` values). */
function withHeader(json: string, floats = 0): Uint8Array {
  const h = new TextEncoder().encode(json);
  const start = 12 + h.length + ((4 - (h.length % 4)) % 4);
  const bytes = new Uint8Array(start + 4 * floats);
  bytes.set([66, 76, 87, 84]);
  new DataView(bytes.buffer).setUint32(4, 1, true);
  new DataView(bytes.buffer).setUint32(8, h.length, true);
  bytes.set(h, 12);
  return bytes;
}

describe('weights', () => {
  it('round-trips to float32 precision, from a Uint8Array or an ArrayBuffer', () => {
    const a = net(1);
    const bytes = exportWeights(a);
    for (const src of [bytes, bytes.slice().buffer]) {
      const b = net(2);
      importWeights(b, src);
      b.params().forEach((p, i) => expect(Array.from(p.data)).toEqual(Array.from(a.params()[i]!.data, Math.fround)));
      const x = tensor([[0.3, -1, 2]]);
      const [ya, yb] = [a, b].map((m) => noGrad(() => m.forward(x)).data);
      yb!.forEach((v, i) => expect(v).toBeCloseTo(ya![i]!, 5));
    }
  });

  it('lays out a magic, a version, a JSON header and little-endian float32 data', () => {
    const emb = new Embedding({ count: 3, dim: 2, rng: rng(3) });
    emb.weight.data.set([1.5, -2, 0.25, 3, 0, -0.5]);
    const bytes = exportWeights(emb);
    const view = new DataView(bytes.buffer);
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('BLWT');
    expect(view.getUint32(4, true)).toBe(1);
    const h = view.getUint32(8, true);
    expect(JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + h)))).toEqual({ tensors: [{ name: 'weight', shape: [3, 2], dtype: 'float32' }] });
    const start = 12 + h + ((4 - (h % 4)) % 4);
    expect(bytes.length).toBe(start + 6 * 4);
    expect(view.getFloat32(start + 4, true)).toBe(-2);
    expect(view.getFloat32(start + 20, true)).toBe(-0.5);
    const read = readWeights(bytes);
    expect([...read.keys()]).toEqual(['weight']);
    expect(read.get('weight')!.toArray()).toEqual([
      [1.5, -2],
      [0.25, 3],
      [0, -0.5],
    ]);
  });

  it('refuses truncated or corrupt files with a sentence saying what is wrong', () => {
    const cases: [Uint8Array, string][] = [
      [Uint8Array.of(66, 76, 87, 84), 'readWeights: truncated: 4 bytes, too few for the 12-byte prefix and the header'],
      [new Uint8Array(0), 'readWeights: not a weights file'],
      [tampered((b) => void (b[0] = 80)), 'readWeights: not a weights file (the first bytes are not "BLWT")'],
      [tampered((_, v) => v.setUint32(4, 2, true)), 'readWeights: format version 2 is not supported (this reader knows version 1)'],
      [tampered((b) => b.slice(0, 40)), 'readWeights: truncated: 40 bytes, too few'],
      [tampered((b) => b.slice(0, b.length - 1)), 'readWeights: truncated: the header promises'],
      [tampered((b) => Uint8Array.from([...b, 0, 0, 0, 0])), 'readWeights: too long: the header promises'],
      [tampered((b) => void (b[12] = 0xff)), 'readWeights: the header is not valid UTF-8 JSON'],
      [tampered((b, v) => v.setFloat32(b.length - 4, NaN, true)), 'readWeights: layers.1.bias[1] is NaN, not a finite number'],
      [withHeader('{"tensors":3}'), 'readWeights: the header has no "tensors" list'],
      [withHeader('{"tensors":[{"shape":[1]}]}'), 'readWeights: tensor 0 needs a name, a shape of whole numbers and dtype float32'],
      [withHeader('{"tensors":[{"name":"w","shape":[-1],"dtype":"float32"}]}'), 'readWeights: tensor 0 needs a name, a shape'],
      [
        withHeader('{"tensors":[{"name":"w","shape":[1],"dtype":"float64"}]}', 1),
        'readWeights: tensor 0 needs a name, a shape of whole numbers and dtype float32',
      ],
      [withHeader('{"tensors":[{"name":"w","shape":[1],"dtype":"float32"},{"name":"w","shape":[1],"dtype":"float32"}]}', 2), 'readWeights: w appears twice'],
    ];
    for (const [bytes, message] of cases) expect(() => importWeights(net(2), bytes), message).toThrow(message);
  });

  it('checks names and shapes against the module before changing anything', () => {
    const small = exportWeights(net(1));
    const other = mlp({ sizes: [3, 4, 2], rng: rng(5) });
    const before = other.params().map((p) => p.data.slice());
    expect(() => importWeights(other, small)).toThrow('importWeights: layers.0.weight has shape [3,5], expected [3,4]');
    expect(other.params().map((p) => p.data)).toEqual(before);
    expect(() => importWeights(new Embedding({ count: 2, dim: 2 }), small)).toThrow('importWeights: missing parameter weight');
  });
});
