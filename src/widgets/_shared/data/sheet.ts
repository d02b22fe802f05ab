/** Lay square grayscale images out on a sheet: used by the data build (the PNG of sample digits) and by the digits widget (its canvas). Pure, imports nothing. */

/** A grayscale sheet of square images, `columns` per row, ink dark on white (as on paper): `gray[y·width + x] = 255 − pixel`. */
export function sheet(pixels: Uint8Array, side: number, indices: readonly number[], columns: number): { gray: Uint8Array; width: number; height: number } {
  const rows = Math.max(1, Math.ceil(indices.length / columns));
  const width = columns * side;
  const height = rows * side;
  const size = side * side;
  const gray = new Uint8Array(width * height).fill(255);
  indices.forEach((index, k) => {
    const x0 = (k % columns) * side;
    const y0 = Math.floor(k / columns) * side;
    for (let y = 0; y < side; y++) for (let x = 0; x < side; x++) gray[(y0 + y) * width + x0 + x] = 255 - pixels[index * size + y * side + x]!;
  });
  return { gray, width, height };
}
