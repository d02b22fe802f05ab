import * as Plot from '@observablehq/plot';
import { CLASS_COLORS, CLASS_SYMBOLS } from './xor';

/** Options for `classDots`: where to read x, y and the 0/1 class, plus any extra Plot dot options. */
export type ClassDotOptions<D> = Omit<Plot.DotOptions, 'symbol' | 'fill'> & { label: (d: D) => 0 | 1 };

/**
 * Points drawn by class: class 0 a blue circle, class 1 an orange diamond (colour and shape
 * both differ, so the figure reads without colour), with a white rim that stands off any background.
 */
export function classDots<D>(data: readonly D[], { label, ...options }: ClassDotOptions<D>): Plot.Dot {
  return Plot.dot(data, {
    r: 8,
    stroke: 'white',
    strokeWidth: 2,
    ...options,
    symbol: (d: D) => CLASS_SYMBOLS[label(d)],
    fill: (d: D) => CLASS_COLORS[label(d)],
  });
}
