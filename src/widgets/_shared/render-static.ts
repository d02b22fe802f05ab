import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { tidyPlot } from './plot-dom';

/**
 * Render one or more Plot charts to SVG markup at build time (server only), using a linkedom
 * document, tidied by `tidyPlot` exactly as the live chart is.
 */
export function renderSvg(options: Plot.PlotOptions | readonly Plot.PlotOptions[]): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const list = Array.isArray(options) ? options : [options];
  return list
    .map((o: Plot.PlotOptions) => {
      const el = Plot.plot({ ...o, document } as Plot.PlotOptions);
      return tidyPlot(el).outerHTML;
    })
    .join('');
}
