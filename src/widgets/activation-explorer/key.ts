import type * as Plot from '@observablehq/plot';

/** One entry of a line key: the text and the stroke to sample. */
export interface KeyEntry {
  label: string;
  color: string;
  dash: string;
  width?: number;
}

/**
 * A key drawn in the chart's pixel space, at its top-left corner: a short line sample in each
 * entry's colour and dash pattern, then its label (`entries` top to bottom, `rowHeight` apart).
 */
export function lineKey(entries: readonly KeyEntry[], { dx = 12, dy = 10, rowHeight = 18 } = {}): Plot.RenderFunction {
  return (_index, _scales, _values, dim, context) => {
    const doc = context.document;
    const ns = 'http://www.w3.org/2000/svg';
    const g = doc.createElementNS(ns, 'g');
    const x = dim.marginLeft + dx;
    entries.forEach((e, i) => {
      const y = dim.marginTop + dy + i * rowHeight;
      const line = doc.createElementNS(ns, 'line');
      const attrs = { x1: x, x2: x + 30, y1: y, y2: y, stroke: e.color, 'stroke-width': e.width ?? 2.5, 'stroke-dasharray': e.dash };
      for (const [k, v] of Object.entries(attrs)) line.setAttribute(k, String(v));
      const text = doc.createElementNS(ns, 'text');
      text.setAttribute('x', String(x + 36));
      text.setAttribute('y', String(y));
      text.setAttribute('dy', '0.32em');
      text.setAttribute('text-anchor', 'start');
      text.setAttribute('fill', 'currentColor');
      text.setAttribute('stroke', 'var(--bg, white)');
      text.setAttribute('stroke-width', '3');
      text.setAttribute('paint-order', 'stroke');
      text.textContent = e.label;
      g.append(line, text);
    });
    return g as unknown as SVGElement;
  };
}
