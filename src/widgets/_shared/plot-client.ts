import type * as PlotModule from '@observablehq/plot';

/** Draw one or more Plot charts into `container`, replacing what was there (the static figure or the last frame). */
export function mountPlot(Plot: typeof PlotModule, container: Element, options: PlotModule.PlotOptions | readonly PlotModule.PlotOptions[]): void {
  const list = Array.isArray(options) ? options : [options];
  const els = list.map((o: PlotModule.PlotOptions) => {
    const el = Plot.plot(o);
    el.querySelector('style')?.remove();
    return el;
  });
  container.replaceChildren(...els);
}
