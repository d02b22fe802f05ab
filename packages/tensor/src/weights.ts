/* Saving and loading a module's weights as one binary file: a small JSON header, then little-endian Float32 data
   (about a fifth of the size of the values as JSON decimal text, and read without parsing numbers). */
import type { Module } from './nn.ts';
import { Tensor, fmt, sizeOf } from './tensor.ts';

/** What `importWeights` and `readWeights` accept: the bytes of a weights file. */
export type WeightsSource = Uint8Array | ArrayBuffer;

/**
 * The weights file, version 1. All integers and floats are little-endian.
 *
 * | bytes     | content                                                                              |
 * | --------- | ------------------------------------------------------------------------------------ |
 * | 0–3       | magic `BLWT`                                                                         |
 * | 4–7       | format version (uint32), 1                                                           |
 * | 8–11      | header length `h` in bytes (uint32)                                                  |
 * | 12…       | header, UTF-8 JSON: `{ "tensors": [{ "name", "shape", "dtype": "float32" }, …] }`    |
 * | then      | zero padding to a multiple of 4 bytes                                                |
 * | then      | each tensor's values in header order, row-major float32; nothing after the last one  |
 */
const MAGIC = 'BLWT';
const VERSION = 1;
const PREFIX = 12;

interface Entry {
  name: string;
  shape: number[];
  dtype: 'float32';
}

const pad4 = (n: number): number => (4 - (n % 4)) % 4;

/** Encodes named tensors as a weights file (values rounded to float32). */
function encode(named: [string, Tensor][]): Uint8Array {
  const tensors: Entry[] = named.map(([name, t]) => ({ name, shape: t.shape.slice(), dtype: 'float32' }));
  const header = new TextEncoder().encode(JSON.stringify({ tensors }));
  const start = PREFIX + header.length + pad4(header.length);
  const total = named.reduce((s, [, t]) => s + t.size, 0);
  const bytes = new Uint8Array(start + 4 * total);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode(MAGIC));
  view.setUint32(4, VERSION, true);
  view.setUint32(8, header.length, true);
  bytes.set(header, PREFIX);
  let off = start;
  for (const [, t] of named) {
    for (const v of t.data) {
      view.setFloat32(off, v, true);
      off += 4;
    }
  }
  return bytes;
}

/** Throws a `readWeights` error: the message says what is wrong with the file. */
function corrupt(why: string): never {
  throw new Error(`readWeights: ${why}`);
}

/** Reads and checks the header of a weights file: magic, version, length and every entry. */
function header(bytes: Uint8Array, view: DataView): Entry[] {
  if (String.fromCharCode(...bytes.subarray(0, 4)) !== MAGIC) corrupt(`not a weights file (the first bytes are not "${MAGIC}")`);
  const h = bytes.length < PREFIX ? 0 : view.getUint32(8, true);
  if (bytes.length < PREFIX + h) corrupt(`truncated: ${bytes.length} bytes, too few for the ${PREFIX}-byte prefix and the header`);
  const version = view.getUint32(4, true);
  if (version !== VERSION) corrupt(`format version ${version} is not supported (this reader knows version ${VERSION})`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(PREFIX, PREFIX + h)));
  } catch {
    corrupt('the header is not valid UTF-8 JSON');
  }
  const tensors = (parsed as { tensors?: unknown } | null)?.tensors;
  if (!Array.isArray(tensors)) corrupt('the header has no "tensors" list');
  return tensors.map((e: unknown, i) => entry(e, i));
}

function entry(e: unknown, i: number): Entry {
  const { name, shape, dtype } = (e ?? {}) as Partial<Record<keyof Entry, unknown>>;
  const ok = typeof name === 'string' && name !== '' && Array.isArray(shape) && shape.every((d) => Number.isInteger(d) && d >= 0);
  if (!ok || dtype !== 'float32') corrupt(`tensor ${i} needs a name, a shape of whole numbers and dtype float32`);
  return { name, shape, dtype };
}

/** Decodes a weights file into named tensors, checking the length exactly and every value for finiteness. */
function decode(bytes: Uint8Array): Map<string, Tensor> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = header(bytes, view);
  const h = view.getUint32(8, true);
  let off = PREFIX + h + pad4(h);
  const need = off + 4 * entries.reduce((s, e) => s + sizeOf(e.shape), 0);
  if (bytes.length !== need)
    corrupt(`${bytes.length < need ? 'truncated' : 'too long'}: the header promises ${need} bytes in all, the file has ${bytes.length}`);
  const out = new Map<string, Tensor>();
  for (const { name, shape } of entries) {
    if (out.has(name)) corrupt(`${name} appears twice`);
    const data = new Float64Array(sizeOf(shape));
    for (let i = 0; i < data.length; i++, off += 4) data[i] = view.getFloat32(off, true);
    out.set(name, new Tensor(data, shape));
  }
  return out;
}

/**
 * Reads a weights file into named tensors, e.g. to learn a stored table's shape before building the module.
 * Malformed input throws an error that says what is wrong (truncated, not a weights file, unknown version, a value
 * that is not a finite number, …).
 */
export function readWeights(src: WeightsSource): Map<string, Tensor> {
  const out = decode(src instanceof Uint8Array ? src : new Uint8Array(src));
  for (const [name, t] of out) {
    const i = t.data.findIndex((v) => !Number.isFinite(v));
    if (i >= 0) corrupt(`${name}[${i}] is ${t.data[i]}, not a finite number`);
  }
  return out;
}

/** Exports a module's parameters as a weights file: `name ↦ (shape, float32 values)`. */
export function exportWeights(m: Module): Uint8Array {
  return encode(m.namedParams());
}

/**
 * Copies a weights file into a module in place, checking every name and shape first: `θ ← file`.
 * The file holds float32, so values come back rounded to about 7 significant digits.
 */
export function importWeights(m: Module, src: WeightsSource): void {
  const stored = readWeights(src);
  const params = m.namedParams();
  for (const [k, t] of params) {
    const w = stored.get(k);
    if (!w) throw new Error(`importWeights: missing parameter ${k}`);
    if (w.shape.join() !== t.shape.join()) throw new Error(`importWeights: ${k} has shape ${fmt(w.shape)}, expected ${fmt(t.shape)}`);
  }
  for (const [k, t] of params) t.data.set(stored.get(k)!.data);
}
