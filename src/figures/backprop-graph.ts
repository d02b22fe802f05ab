import { FIGURE_FONT } from '../widgets/_shared/plot-dom';
import { stepperData } from '../widgets/backprop-stepper/compute';

/**
 * Chapter 3's picture before the backprop equations: the notes' network for one item (d = 3, v = 4,
 * m = 2, the backprop stepper's seed-1 weights) as a computational graph. Each node shows its value
 * from the forward pass and, in orange, its gradient from the backward pass; each arrow down is a
 * forward operation and each dashed arrow up the backward rule. Every number comes from
 * `stepperData`, the same hand formulas the stepper checks against autograd.
 */

/** One node of the chain: its symbol, shape, forward value and gradient (row vectors). */
export interface GraphNode {
  name: string;
  shape: string;
  value: number[];
  grad: number[];
}

/** One link between consecutive nodes: the forward operation and the backward rule. */
export interface GraphEdge {
  forward: string;
  backward: string;
}

/** The chain x → k → h → z → o → ℓ for item 1 of the stepper's minibatch with `seed`. */
export function backpropGraph(seed = 1): { nodes: GraphNode[]; edges: GraphEdge[]; label: number } {
  const { mats } = stepperData(1, seed);
  const row = (k: keyof typeof mats): number[] => mats[k][0] ?? [];
  const label = (row('y')[0] ?? 1) - 1;
  const nodes: GraphNode[] = [
    { name: 'x', shape: '1 × 3', value: row('X'), grad: [] },
    { name: 'k', shape: '1 × 4', value: row('k'), grad: row('dk') },
    { name: 'h', shape: '1 × 4', value: row('h'), grad: row('dh') },
    { name: 'z', shape: '1 × 2', value: row('z'), grad: row('dz') },
    { name: 'o', shape: '1 × 2', value: row('o'), grad: [] },
    { name: 'ℓ', shape: '1 × 1', value: row('loss'), grad: [1] },
  ];
  const edges: GraphEdge[] = [
    { forward: 'k = xH + b_H', backward: '∂ℓ/∂H = xᵀ ∂ℓ/∂k' },
    { forward: 'h = ReLU(k)', backward: '∂ℓ/∂k = ∂ℓ/∂h ⊙ [k > 0]' },
    { forward: 'z = hU + b_U', backward: '∂ℓ/∂h = ∂ℓ/∂z Uᵀ' },
    { forward: 'o = softmax(z)', backward: '∂ℓ/∂z = o − T' },
    { forward: `ℓ = −log o_${label + 1}`, backward: 'start: ∂ℓ/∂ℓ = 1' },
  ];
  return { nodes, edges, label };
}

/** A row vector with two decimals and true minus signs: `(0.12, −1.30)`. */
export function vec(xs: readonly number[]): string {
  return `(${xs.map((x) => (Math.abs(x) < 0.005 ? 0 : x).toFixed(2).replace('-', '−')).join(', ')})`;
}

/** Gradients use the theme's warning ink, which has AA contrast in light and dark themes. */
const GRAD_INK = 'var(--warn-fg)';
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The graph as SVG markup, narrow enough for a phone: nodes in a column; between two nodes an arrow down and an arrow up, with the forward operation and, below it, the backward rule. */
export function backpropGraphSvg(seed = 1): string {
  const { nodes, edges } = backpropGraph(seed);
  const [W, x0, boxW, boxH, gap] = [292, 12, 268, 58, 44];
  const f = FIGURE_FONT;
  const parts: string[] = [];
  const text = (x: number, y: number, s: string, extra: string): string => `<text x="${x}" y="${y}" font-size="${f}" ${extra}>${esc(s)}</text>`;
  const ink = 'fill="currentColor"';
  const gradInk = `style="fill: ${GRAD_INK}"`;
  nodes.forEach((n, i) => {
    const y = 6 + i * (boxH + gap);
    parts.push(`<rect x="${x0}" y="${y}" width="${boxW}" height="${boxH}" rx="6" fill="none" stroke="currentColor" stroke-opacity="0.5"/>`);
    parts.push(text(x0 + 10, y + 17, `${n.name}  (${n.shape})`, `font-weight="700" ${ink}`));
    parts.push(text(x0 + 10, y + 33, `value ${vec(n.value)}`, ink));
    if (n.grad.length > 0) parts.push(text(x0 + 10, y + 49, `∂ℓ/∂${n.name} ${vec(n.grad)}`, gradInk));
    const e = edges[i];
    if (!e) return;
    const [top, bottom] = [y + boxH, y + boxH + gap];
    parts.push(
      `<line x1="${x0 + 18}" y1="${top + 3}" x2="${x0 + 18}" y2="${bottom - 5}" stroke="currentColor" stroke-width="1.5" marker-end="url(#bpg-down)"/>`,
    );
    parts.push(
      `<line x1="${x0 + 32}" y1="${bottom - 3}" x2="${x0 + 32}" y2="${top + 5}" style="stroke: ${GRAD_INK}" stroke-width="1.5" stroke-dasharray="4 3" marker-end="url(#bpg-up)"/>`,
    );
    parts.push(text(x0 + 44, top + 18, e.forward, ink));
    parts.push(text(x0 + 44, top + 34, e.backward, `${gradInk} font-style="italic"`));
  });
  const H = 12 + nodes.length * (boxH + gap) - gap;
  const marker = (id: string, fill: string): string =>
    `<marker id="${id}" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" style="fill: ${fill}"/></marker>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" class="graph" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="system-ui, sans-serif" aria-hidden="true"><defs>${marker('bpg-down', 'currentColor')}${marker('bpg-up', GRAD_INK)}</defs>${parts.join('')}</svg>`;
}

/** The figure in words, with its numbers. */
export function backpropGraphDescription(seed = 1): string {
  const { nodes } = backpropGraph(seed);
  const by = (name: string): GraphNode | undefined => nodes.find((n) => n.name === name);
  return `A computational graph for one item: x ${vec(by('x')?.value ?? [])} flows down through k = xH + b_H, h = ReLU(k), z = hU + b_U and o = softmax(z) ${vec(by('o')?.value ?? [])} to the loss ℓ = ${(by('ℓ')?.value[0] ?? 0).toFixed(3)}. Gradients flow back up: ∂ℓ/∂z = o − T = ${vec(by('z')?.grad ?? [])}, then ∂ℓ/∂h = ∂ℓ/∂z Uᵀ, then ∂ℓ/∂k, which is ∂ℓ/∂h with the entries of inactive units set to zero, = ${vec(by('k')?.grad ?? [])}.`;
}
