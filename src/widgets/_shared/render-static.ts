import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/**
 * Render one or more Plot charts to SVG markup at build time (server only), using a linkedom
 * document. Plot's inline `<style>` element is dropped: its rules live in the site stylesheet,
 * so the page needs no inline style elements.
 */
export function renderSvg(options: Plot.PlotOptions | readonly Plot.PlotOptions[]): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const list = Array.isArray(options) ? options : [options];
  return list
    .map((o: Plot.PlotOptions) => {
      const el = Plot.plot({ ...o, document } as Plot.PlotOptions);
      el.querySelector('style')?.remove();
      return el.outerHTML;
    })
    .join('');
}
