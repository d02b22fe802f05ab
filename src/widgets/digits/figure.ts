import { sheet } from '../_shared/data/sheet';
import { STRIP } from './model';

/** RGBA bytes for a canvas `ImageData` from a grayscale sheet (gray → r = g = b, opaque). */
export function rgba(gray: Uint8Array): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(gray.length * 4);
  gray.forEach((g, i) => {
    out[i * 4] = g;
    out[i * 4 + 1] = g;
    out[i * 4 + 2] = g;
    out[i * 4 + 3] = 255;
  });
  return out;
}

/** The digit on show, and the strip of the ones after it in the browsed collection: `list[position … position + STRIP]`. */
export function digitFigure(
  pixels: Uint8Array,
  side: number,
  list: readonly number[],
  position: number,
): { one: ReturnType<typeof sheet>; strip: ReturnType<typeof sheet> } {
  const index = list[position] ?? 0;
  const after = list.slice(position + 1, position + 1 + STRIP);
  return { one: sheet(pixels, side, [index], 1), strip: sheet(pixels, side, after, STRIP) };
}
