import type * as PlotModule from '@observablehq/plot';
import type { PropsTable, Values } from './state';
import { WidgetElement } from './widget-element';
import { contentWidth, tidyPlot, type FigureLayout } from './plot-dom';

export type { FigureLayout } from './plot-dom';

/** A figure function: the widget's settings (and the space available) in, one or more Plot charts out. */
export type FigureFn<T extends PropsTable> = (values: Values<T>, layout?: FigureLayout) => PlotModule.PlotOptions | readonly PlotModule.PlotOptions[];

/**
 * A widget whose figure is drawn by Observable Plot. Plot (about 130 KB gzipped) and the
 * widget's figure module are imported only when the widget first scrolls into view; until
 * then the build-time SVG stands in. Subclasses supply `loadFigure()` and `updateText()`.
 */
export abstract class PlotWidget<T extends PropsTable> extends WidgetElement<T> {
  private plot: typeof PlotModule | undefined;
  private figure: FigureFn<T> | undefined;
  private width: number | undefined;
  /** Whether the live charts replaced the build-time figure yet. */
  private drawnLive = false;

  /** Import the figure module lazily, e.g. `import('./figure').then((m) => m.xorFitFigure)`. */
  protected abstract loadFigure(): Promise<FigureFn<T>>;
  /** Refresh readouts and the text description from `values`. */
  protected abstract updateText(): void;

  protected async start(): Promise<void> {
    [this.plot, this.figure] = await Promise.all([import('@observablehq/plot'), this.loadFigure()]);
  }

  protected update(): void {
    this.updateText();
    this.drawCharts();
  }

  /**
   * Draw the figure's charts; with `only`, redraw just the charts it picks and keep the others as drawn (a widget
   * whose run plays can spread one figure over several frames this way).
   */
  protected drawCharts(only?: (index: number) => boolean): void {
    const container = this.querySelector('.widget-figure');
    if (!this.plot || !this.figure || !container) return;
    const options = this.figure(this.values, { width: this.figureWidth(container) });
    const list: readonly PlotModule.PlotOptions[] = Array.isArray(options) ? options : [options as PlotModule.PlotOptions];
    const plot = this.plot;
    const drawn = container.children;
    if (only && drawn.length === list.length && this.drawnLive) list.forEach((o, i) => only(i) && drawn[i]?.replaceWith(tidyPlot(plot.plot(o))));
    else container.replaceChildren(...list.map((o) => tidyPlot(plot.plot(o))));
    this.drawnLive = true;
  }

  /**
   * The width the figure container offers its charts. Measured once, then kept up to date by a ResizeObserver (which
   * redraws on a change), so that drawing a frame never forces the browser to lay out the page first.
   */
  protected figureWidth(container: Element): number {
    if (this.width === undefined) {
      this.width = contentWidth(container);
      new ResizeObserver(() => {
        const w = contentWidth(container);
        if (w === this.width) return;
        this.width = w;
        this.requestUpdate();
      }).observe(container);
    }
    return this.width;
  }
}
