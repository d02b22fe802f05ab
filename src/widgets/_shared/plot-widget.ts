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
   * Whether a draw may redraw just one of several charts, taking turns: Plot draws a whole chart at a time, and two
   * charts in one animation frame can make the page miss it. Run widgets say yes while their run plays (each chart
   * then follows the run at half the frame rate); any other draw redraws every chart.
   */
  protected drawsOneChart(): boolean {
    return false;
  }

  /** Which chart a one-chart draw redraws next. */
  private turn = 0;

  /** Draw the figure's charts (or, see `drawsOneChart`, the next one in turn). */
  protected drawCharts(): void {
    const { plot, figure } = this;
    const container = this.querySelector('.widget-figure');
    if (!plot || !figure || !container) return;
    const charts = [figure(this.values, { width: this.figureWidth(container) })].flat();
    const one = charts.length > 1 && container.children.length === charts.length && this.drawsOneChart();
    if (!one) {
      container.replaceChildren(...charts.map((o) => tidyPlot(plot.plot(o))));
      return;
    }
    const i = this.turn++ % charts.length;
    const options = charts[i];
    if (options) container.children[i]?.replaceWith(tidyPlot(plot.plot(options)));
  }

  /**
   * The width the figure container offers its charts: measured at the first draw after the widget resized (and at the
   * very first), not at every draw, so that drawing a frame does not force the browser to lay out the page first.
   */
  protected figureWidth(container: Element): number {
    return (this.width ??= contentWidth(container));
  }

  protected override resized(): void {
    super.resized();
    this.width = undefined;
  }
}
