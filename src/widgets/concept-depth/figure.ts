import * as Plot from '@observablehq/plot';
import { legend, legendHeight, type LegendRow } from '../_shared/legend';
import { FIGURE_FONT, chartWidth, tidyPlot, type FigureLayout } from '../_shared/plot-dom';
import { CATEGORY_COLORS as CLASS_COLORS, CATEGORY_SYMBOLS as CLASS_SYMBOLS } from '../_shared/palette';
import { COMPLEXITIES, CONCEPT_SHORT, DECODABLE, emptySnapshot, firstDecodable, layerName, props, type ConceptValues } from './model';

import type { ConceptSnapshot } from './model';

const DEFAULT_LAYERS = props.layers.default;

/** One point of a probe curve: layer, concept, held-out accuracy, and whether it was measured before or after training. */
interface Point {
  layer: number;
  concept: number;
  accuracy: number;
  when: 'initialisation' | 'trained';
}

const rows: LegendRow[] = [
  { kind: 'items', title: 'concept', items: CONCEPT_SHORT.map((label, c) => ({ fill: CLASS_COLORS[c]!, label })) },
  { kind: 'items', title: 'lines', items: [{ fill: 'currentColor', label: 'solid: trained, dashed: untrained' }] },
];

/** The measured probe accuracies as points (concepts not yet probed are left out). */
export function points(s: ConceptSnapshot): Point[] {
  const out: Point[] = [];
  for (const [when, grid] of [
    ['initialisation', s.init],
    ['trained', s.trained],
  ] as const)
    grid.forEach((row, layer) => row.forEach((a, concept) => a !== null && out.push({ layer, concept, accuracy: a, when })));
  return out;
}

const size = (layout?: FigureLayout): { width: number; height: number } => {
  const width = chartWidth(layout, 480);
  return { width, height: Math.round(Math.min(320, 0.75 * width)) + legendHeight(rows) };
};

/** Held-out probe accuracy against layer, one line per concept: solid after training, dashed at initialisation. */
export function accuracyChart(s: ConceptSnapshot, layout?: FigureLayout, pending?: ConceptValues): Plot.PlotOptions {
  const layers = s.trained.length;
  const data = points(s);
  const line = (when: Point['when']): Plot.Markish =>
    Plot.line(
      data.filter((p) => p.when === when),
      {
        x: 'layer',
        y: 'accuracy',
        z: 'concept',
        stroke: (p: Point) => CLASS_COLORS[p.concept],
        strokeWidth: when === 'trained' ? 2.5 : 1.5,
        strokeDasharray: when === 'trained' ? 'none' : '5 4',
      },
    );
  return {
    className: 'plot',
    ...size(layout),
    marginTop: 24,
    marginLeft: 48,
    marginRight: 16,
    marginBottom: 40 + legendHeight(rows),
    x: { domain: [0, layers - 1], ticks: Array.from({ length: layers }, (_, l) => l), tickFormat: layerName, label: 'layer probed', labelOffset: 34 },
    y: { domain: [0.4, 1.02], label: 'held-out probe accuracy', ticks: [0.5, 0.6, 0.7, 0.8, 0.9, 1], tickFormat: (a: number) => `${Math.round(a * 100)} %` },
    marks: [
      Plot.ruleY([DECODABLE], { stroke: 'currentColor', strokeOpacity: 0.5, strokeDasharray: '2 3' }),
      Plot.text([`decodable: ≥ ${Math.round(DECODABLE * 100)} %`], {
        x: layers - 1,
        y: DECODABLE,
        textAnchor: 'end',
        dy: -8,
        fontSize: FIGURE_FONT,
        fill: 'currentColor',
      }),
      line('initialisation'),
      line('trained'),
      Plot.dot(
        data.filter((p) => p.when === 'trained'),
        { x: 'layer', y: 'accuracy', fill: (p: Point) => CLASS_COLORS[p.concept], symbol: (p: Point) => CLASS_SYMBOLS[p.concept], r: 5, stroke: 'white' },
      ),
      legend(rows),
      pending ? Plot.text([pendingText(pending)], { frameAnchor: 'middle', fontSize: FIGURE_FONT, fill: 'currentColor', lineWidth: 22 }) : null,
    ],
  };
}

/** The note in an empty chart: which run Train will start. */
export function pendingText(v: ConceptValues): string {
  return `Not probed yet. Train runs ${v.layers} layers of ${v.width} units, ${v.noise} noise bits, seed ${v.seed}.`;
}

/** A point of the depth chart: a concept (index `c`, complexity `k`) and its first decodable layer (`layers`: never). */
interface DepthPoint {
  k: number;
  c: number;
  layer: number;
}

/** The depth chart's points, trained and untrained, for the concepts probed on every layer (the chart shows nothing else). */
export function depthPoints(s: ConceptSnapshot): { trained: DepthPoint[]; init: DepthPoint[] } {
  const never = s.trained.length;
  const probed = (grid: ConceptSnapshot['trained'], c: number): boolean => grid.every((row) => row[c] !== null);
  const depth = (grid: ConceptSnapshot['trained']): DepthPoint[] =>
    COMPLEXITIES.flatMap((k, c) => (probed(grid, c) ? [{ k, c, layer: firstDecodable(grid.map((row) => row[c] ?? null)) ?? never }] : []));
  return { trained: depth(s.trained), init: depth(s.init) };
}

/** The first layer where each concept is decodable (≥ 90 %), against its complexity; "never" above the last layer. */
export function depthChart(s: ConceptSnapshot, layout?: FigureLayout): Plot.PlotOptions {
  const layers = s.trained.length;
  const never = layers;
  const { trained, init } = depthPoints(s);
  const depthRows: LegendRow[] = [{ kind: 'items', title: 'marks', items: [{ fill: 'currentColor', label: 'filled: trained, hollow: untrained' }] }];
  return {
    className: 'plot',
    ...size(layout),
    marginTop: 24,
    marginLeft: 56,
    marginRight: 16,
    marginBottom: 40 + legendHeight(depthRows),
    x: {
      domain: [0.5, COMPLEXITIES.length + 0.5],
      ticks: [...COMPLEXITIES],
      tickFormat: (k: number) => `${k} bit${k === 1 ? '' : 's'}`,
      label: 'concept complexity (bits in the parity)',
      labelOffset: 34,
    },
    y: {
      domain: [-0.3, never + 0.3],
      ticks: Array.from({ length: layers + 1 }, (_, l) => l),
      tickFormat: (l: number) => (l === never ? 'never' : layerName(l)),
      label: 'first layer ≥ 90 %',
    },
    marks: [
      Plot.line(trained, { x: 'k', y: 'layer', stroke: 'currentColor', strokeOpacity: 0.5 }),
      Plot.dot(init, {
        x: 'k',
        y: 'layer',
        dx: 8,
        r: 6,
        stroke: (d: { c: number }) => CLASS_COLORS[d.c],
        strokeWidth: 2,
        symbol: (d: { c: number }) => CLASS_SYMBOLS[d.c],
      }),
      Plot.dot(trained, {
        x: 'k',
        y: 'layer',
        r: 7,
        fill: (d: { c: number }) => CLASS_COLORS[d.c],
        stroke: 'white',
        symbol: (d: { c: number }) => CLASS_SYMBOLS[d.c],
      }),
      legend(depthRows),
    ],
  };
}

/** Both charts: probe accuracy by layer, then concept depth against complexity. */
export function conceptCharts(s: ConceptSnapshot, layout?: FigureLayout, pending?: ConceptValues): Plot.PlotOptions[] {
  return [accuracyChart(s, layout, pending), depthChart(s, layout)];
}

/** The build-time run's probe results, from the page (`data-built`), as a snapshot of the default settings' run. */
export function builtSnapshot(json: string | undefined): ConceptSnapshot {
  const grids = JSON.parse(json ?? '{}') as Partial<ConceptSnapshot>;
  const s = emptySnapshot({ layers: DEFAULT_LAYERS });
  return { ...s, init: grids.init ?? s.init, trained: grids.trained ?? s.trained };
}

/** A live chart: a key that changes exactly when its picture does, and its options. */
export interface LiveChart {
  key: string;
  options: () => Plot.PlotOptions;
}

/**
 * The live figure's charts: the accuracy chart changes with every probe result, the depth chart only when a concept has
 * been probed on every layer.
 */
export function liveCharts(s: ConceptSnapshot, layout: FigureLayout, pending?: ConceptValues): LiveChart[] {
  return [
    { key: JSON.stringify([layout.width, s.init, s.trained, pending ?? null]), options: () => accuracyChart(s, layout, pending) },
    { key: JSON.stringify([layout.width, depthPoints(s)]), options: () => depthChart(s, layout) },
  ];
}

/** What the live charts in a container were drawn from (`keys`, empty: the build-time figure), the last one drawn, and when. */
export interface DrawnCharts {
  keys: string[];
  last: number;
  at: number;
}

/**
 * Live drawing (browser only): redraw one chart whose key changed, taking turns so that a stream of probe results cannot
 * keep the other waiting, unless `held()` says to wait. Plot draws a whole chart at a time (tens of ms on a busy
 * machine), so two in one task would block the page. Returns whether another chart is still to be drawn.
 */
export function drawNext(container: Element, charts: readonly LiveChart[], drawn: DrawnCharts, held: () => boolean): boolean {
  if (container.children.length !== charts.length) [drawn.keys, container.textContent] = [[], ''];
  const stale = charts.flatMap((chart, i) => (chart.key === drawn.keys[i] ? [] : [i]));
  if (stale.length === 0 || held()) return false;
  const i = stale.find((k) => k > drawn.last) ?? stale[0]!;
  const el = tidyPlot(Plot.plot(charts[i]!.options()));
  const old = container.children[i];
  if (old) old.replaceWith(el);
  else container.append(el);
  [drawn.keys[i], drawn.last, drawn.at] = [charts[i]!.key, i, performance.now()];
  return stale.length > 1;
}
