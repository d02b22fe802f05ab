import { describe, expect, it } from 'vitest';
import { heatColor, heatLegendHeight, heatLegendRow } from './heat';
import { legendHeight, textWidth } from './legend';
import { FIGURE_FONT, STATIC_WIDTH, chartWidth } from './plot-dom';
import { renderSvg } from './render-static';
import { matrixGridsSvg } from './matrix-grid';
import { xorFitFigure } from '../xor-fit/figure';
import { defaults } from './state';
import { props as xorProps } from '../xor-fit/model';
import { regionsLegend } from '../playground/figure';

/** Every `<text>` element's content in an SVG string. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)</g)].map((m) => m[1] ?? '');
}

describe('chart sizes and text', () => {
  it('draws a chart as wide as its container, between its bounds, and for a phone at build time', () => {
    expect(chartWidth(undefined, 400)).toBe(STATIC_WIDTH);
    expect(chartWidth({ width: 340 }, 400)).toBe(340);
    expect(chartWidth({ width: 900 }, 400)).toBe(400);
    expect(chartWidth({ width: 180 }, 400)).toBe(240);
  });

  it("sets every chart's text to 12 px, so a static chart in a 294 px container still shows 11 px", () => {
    const svg = renderSvg(xorFitFigure(defaults(xorProps)));
    expect(svg).toMatch(/^<svg[^>]* font-size="12"/);
    expect(svg).toMatch(/width="320"/);
    expect(FIGURE_FONT * (294 / STATIC_WIDTH)).toBeGreaterThanOrEqual(11);
  });

  it("writes matrix grids at 13 px with 85 % subscripts (11 px), wrapped to a phone's width", () => {
    const svg = matrixGridsSvg([
      { label: 'b_H', rows: [[1, 2, 3, 4]] },
      { label: 'U', rows: [[1, 2, 3, 4]] },
    ]);
    expect(svg).toContain('font-size="13"');
    expect(svg).toContain('font-size="85%"');
    expect(Number(/width="(\d+)"/.exec(svg)?.[1])).toBeLessThanOrEqual(STATIC_WIDTH);
  });
});

describe('colour legends', () => {
  it('gives a heatmap nine swatches from pale blue through white to pale orange, labelled ≤ 0, 0.5, ≥ 1', () => {
    const row = heatLegendRow('prediction ŷ');
    expect(row.fills).toHaveLength(9);
    expect([row.fills[0], row.fills[4], row.fills[8]]).toEqual(['rgb(166 206 227)', 'rgb(247 247 247)', 'rgb(253 191 111)']);
    expect(row.fills[2]).toBe(heatColor(0.25));
    expect(row.labels).toEqual([
      { at: 0, text: '≤ 0' },
      { at: 4, text: '0.5' },
      { at: 8, text: '≥ 1' },
    ]);
    expect(heatLegendHeight()).toBe(legendHeight([row]));
    expect(heatLegendHeight()).toBe(4 + 12 + 16 + 6);
  });

  it('is drawn in the static XOR figure below the x axis, with its title and labels', () => {
    const svg = renderSvg(xorFitFigure(defaults(xorProps)));
    const legend = /<g class="legend">([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '';
    expect(legend.match(/class="legend-swatch"/g)).toHaveLength(9);
    expect(texts(legend)).toEqual(['prediction ŷ', '≤ 0', '0.5', '≥ 1']);
    const height = Number(/height="(\d+)"/.exec(svg)?.[1]);
    const ys = [...legend.matchAll(/<rect[^>]* y="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(Math.min(...ys)).toBeGreaterThan(height - heatLegendHeight() - 1);
    expect(svg).toContain('class="heatmap"');
  });

  it('keys the playground regions by class and by how sure the network is', () => {
    const [classes, sure] = regionsLegend(3);
    expect(classes).toMatchObject({ kind: 'items', title: 'class' });
    expect(classes?.kind === 'items' ? classes.items.map((i) => i.label) : []).toEqual(['1', '2', '3']);
    expect(sure).toMatchObject({ kind: 'ramp', title: 'top probability', labels: [{ text: '1/3' }, { text: '1' }] });
    expect(sure?.kind === 'ramp' ? new Set(sure.fills).size : 0).toBe(4);
  });

  it('estimates text widths generously (no measuring at build time)', () => {
    expect(textWidth('prediction ŷ')).toBe(Math.ceil(12 * 12 * 0.62));
  });
});
