/**
 * The audit's output: a per-page table of findings per gate with the page-weight figures,
 * the findings themselves, and a one-line summary.
 */
import { BUDGET, type Finding, type Gate } from './config.ts';
import type { Weight } from './network.ts';

/** Everything the audit found on one page. */
export interface PageResult {
  label: string;
  url: string;
  findings: Finding[];
  weight: Weight | undefined;
  ms: number;
}

const COLUMNS: [string, Gate][] = [
  ['axe', 'axe'],
  ['links', 'links'],
  ['off-origin', 'offOrigin'],
  ['CSP', 'csp'],
  ['console', 'console'],
  ['keyboard', 'keyboard'],
  ['widgets', 'widgets'],
  ['fuzz', 'fuzz'],
  ['motion', 'motion'],
  ['no-JS', 'nojs'],
];

const kb = (bytes: number | undefined): string => (bytes === undefined ? '–' : (bytes / 1024).toFixed(1));

function pad(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
}

/** The per-page table as text. */
export function table(results: readonly PageResult[]): string {
  const head = ['page', ...COLUMNS.map(([name]) => name), 'JS-before KB', 'transfer KB', 'no-click KB', 'time s'];
  const rows = results.map((r) => {
    const counts = COLUMNS.map(([, gate]) => String(r.findings.filter((f) => f.gate === gate).length));
    const w = r.weight;
    const js = `${kb(w?.initialJs)}${w && (w.initialJs > BUDGET.initialJs || w.plotUrls.length > 0) ? '!' : ''}`;
    const transfer = `${kb(w?.transfer)}${w && w.transfer > BUDGET.transfer ? '!' : ''}`;
    const noClick = `${kb(w?.noClick)}${w?.noClick !== undefined && w.noClick > BUDGET.noClick ? '!' : ''}`;
    return [r.label, ...counts, js, transfer, noClick, (r.ms / 1000).toFixed(1)];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [pad(head, widths), rule, ...rows.map((row) => pad(row, widths))].join('\n');
}

/** Every finding, grouped by page. */
export function details(results: readonly PageResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    if (r.findings.length === 0) continue;
    lines.push(`\n${r.label} (${r.url})`);
    for (const f of r.findings) lines.push(`  [${f.gate}] ${f.message}`);
  }
  return lines.join('\n');
}

/** The one-line summary. */
export function summary(results: readonly PageResult[], seconds: number): string {
  const total = results.reduce((n, r) => n + r.findings.length, 0);
  const failing = results.filter((r) => r.findings.length > 0).length;
  const byGate = new Map<string, number>();
  for (const f of results.flatMap((r) => r.findings)) byGate.set(f.gate, (byGate.get(f.gate) ?? 0) + 1);
  const gates = [...byGate].map(([g, n]) => `${g} ${n}`).join(', ');
  return total === 0
    ? `audit: PASS — ${results.length} pages, 0 findings (${seconds.toFixed(0)} s)`
    : `audit: FAIL — ${total} findings on ${failing} of ${results.length} pages (${gates}) (${seconds.toFixed(0)} s)`;
}
