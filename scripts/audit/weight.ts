/**
 * Gate 9's report (`npm run weight`): per page, the gzipped JavaScript loaded before any
 * widget is scrolled into view, whether Plot is among it, the first view's transfer, and
 * everything fetched without a click (the page scrolled through, every widget started).
 */
import { BUDGET } from './config.ts';
import type { PageResult } from './report.ts';

const kb = (bytes: number): string => (bytes / 1024).toFixed(1);

/** The page-weight table for results of a `--weight` run. */
export function weightTable(results: readonly PageResult[]): string {
  const head = [
    'page',
    `JS before interaction KB (≤ ${kb(BUDGET.initialJs)})`,
    'Plot',
    `first view KB (≤ ${kb(BUDGET.transfer)})`,
    `no click KB (≤ ${kb(BUDGET.noClick)})`,
    'responses',
    'status',
  ];
  const rows = results.map((r) => {
    const w = r.weight;
    const bad = r.findings.filter((f) => f.gate === 'weight').length > 0;
    return [
      r.label,
      w ? kb(w.initialJs) : '–',
      w ? (w.plotUrls.length ? 'yes' : 'no') : '–',
      w ? kb(w.transfer) : '–',
      w?.noClick !== undefined ? kb(w.noClick) : '–',
      String(w?.responses ?? '–'),
      bad ? 'OVER' : 'ok',
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
