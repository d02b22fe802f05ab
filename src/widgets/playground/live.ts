/**
 * The live figure of the playground: what to redraw for each report, spread over animation frames so that no frame
 * does much. A new run, width or points setting rebuilds the charts one per frame; otherwise the regions are refilled
 * in place every report, and the curves (two `d` attributes, or a chart rebuilt when its axis must grow, one a frame) and the
 * hidden units' thumbnails at most every `SLOW_MS` while training, each in a frame of its own.
 */
import type { FigureLayout } from '../_shared/plot-dom';
import * as figure from './figure';
import { unitsMarkup } from './units';
import type { RunView } from './view';

// The readout sentences come with the live figure: one lazily loaded module for the page to import.
export { describe, divergedText, readouts } from './text';

/** Shortest interval between two redraws of the curves, and of the thumbnails, while training runs (ms). */
const SLOW_MS = 250;

/** What a report is drawn for: the run, the layout and the points setting (a change of any rebuilds everything). */
export interface DrawKey {
  run: number;
  width: number;
  showTest: boolean;
}

type Job = 'regions' | 'curves' | 'units';

export class LiveFigure {
  private key: DrawKey | undefined;
  private view: RunView | undefined;
  private readonly els: { regions?: Element | undefined; loss?: Element | undefined; acc?: Element | undefined; units?: HTMLElement | undefined } = {};
  private readonly drawnAt = { curves: 0, units: 0 };
  private readonly drawnStep = { regions: -1, curves: -1, units: -1 };
  private readonly rebuild = new Set<Job>();
  /** Curve charts still to be rebuilt (a new run, or an axis that must grow), one per frame. */
  private readonly staleCurves = new Set<'loss' | 'acc'>();
  private frame = 0;

  constructor(private readonly container: Element) {}

  /** Draw (some of) a new report now, and the rest over the next frames. `playing`: throttle the slow parts. */
  show(view: RunView, key: DrawKey, playing: boolean): void {
    this.view = view;
    const k = this.key;
    if (!k || k.run !== key.run || k.width !== key.width || k.showTest !== key.showTest) {
      this.key = key;
      for (const job of ['regions', 'curves', 'units'] as const) this.rebuild.add(job);
      this.drawnStep.curves = this.drawnStep.units = -1;
    }
    this.work(playing);
  }

  /** The regions every report; then at most one slow job (a rebuild, the curves or the thumbnails) per frame. */
  private work(playing: boolean): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    const view = this.view;
    if (!view) return;
    if (this.rebuild.has('regions')) this.buildRegions(view);
    else if (this.drawnStep.regions !== view.steps && this.els.regions) figure.refreshRegions(this.els.regions, view);
    this.drawnStep.regions = view.steps;
    const slow = (['curves', 'units'] as const).filter((job) => this.due(job, view, playing));
    const next = slow.sort((a, b) => this.drawnAt[a] - this.drawnAt[b])[0];
    if (next === 'curves') this.drawCurves(view);
    else if (next === 'units') this.drawUnits(view);
    // Slow parts still owed (after a rebuild, or with training paused): the next frame draws the next one.
    if (slow.length > 1 || this.staleCurves.size > 0 || (this.rebuild.size > 0 && !playing)) this.frame = requestAnimationFrame(() => this.work(playing));
  }

  private due(job: 'curves' | 'units', view: RunView, playing: boolean): boolean {
    if (this.rebuild.has(job) || (job === 'curves' && this.staleCurves.size > 0)) return true;
    if (this.drawnStep[job] === view.steps) return false;
    return !playing || performance.now() - this.drawnAt[job] > SLOW_MS;
  }

  private layout(): FigureLayout {
    return { width: this.key?.width ?? 0 };
  }

  private buildRegions(view: RunView): void {
    const regions = figure.drawChart(figure.regionsChart(view, this.layout(), this.key?.showTest));
    // The first time, the build-time regions chart (the container's first child) makes way; its curves and thumbnails stay until redrawn.
    const old = this.els.regions ?? this.container.querySelector(':scope > svg');
    if (old) old.replaceWith(regions);
    else this.container.prepend(regions);
    this.els.regions = regions;
    this.rebuild.delete('regions');
  }

  /** Refill both curves in place where their axes still fit; rebuild at most one chart (a Plot draw) per frame. */
  private drawCurves(view: RunView): void {
    const column = this.column();
    if (this.rebuild.delete('curves')) for (const name of ['loss', 'acc'] as const) this.staleCurves.add(name);
    let built = false;
    for (const metric of ['Loss', 'Accuracy'] as const) {
      const name = metric === 'Loss' ? 'loss' : 'acc';
      const chart = this.els[name];
      if (chart && !this.staleCurves.has(name) && figure.refreshCurve(chart, view.history, metric)) continue;
      this.staleCurves.add(name);
      if (built) continue; // the other chart waits for the next frame
      const fresh = figure.drawCurve(view.history, metric, this.layout());
      if (chart) chart.replaceWith(fresh);
      else column.append(fresh);
      this.els[name] = fresh;
      this.staleCurves.delete(name);
      built = true;
    }
    this.drawnAt.curves = performance.now();
    this.drawnStep.curves = this.staleCurves.size > 0 ? -1 : view.steps;
  }

  private drawUnits(view: RunView): void {
    let box = this.els.units ?? this.container.querySelector<HTMLElement>(':scope > .playground-units') ?? undefined;
    if (!box) {
      box = document.createElement('div');
      box.className = 'playground-units';
      this.container.append(box);
      this.els.units = box;
    }
    box.innerHTML = unitsMarkup(view.units);
    this.rebuild.delete('units');
    this.drawnAt.units = performance.now();
    this.drawnStep.units = view.steps;
  }

  /** The column holding the two curve charts, emptied of the build-time charts the first time. */
  private column(): HTMLElement {
    let col = this.container.querySelector<HTMLElement>(':scope > .playground-curves');
    if (!col) {
      col = document.createElement('div');
      col.className = 'playground-curves';
      if (this.els.regions) this.els.regions.after(col);
      else this.container.append(col);
    }
    if (!this.els.loss) col.replaceChildren();
    return col;
  }
}
