import { fmt } from '../_shared/format';
import { XOR_POINTS } from '../_shared/xor';
import { collapsed, correct, deadUnits, diagnose, hidden, mse, predict, sig, type XorNetValues, type XorWeights } from './model';

/** The collapsed linear formula without the ReLU: `ŷ = a·x₁ + b·x₂` with `(a, b) = u·W`. */
export function collapsedText(v: XorWeights): string {
  const { a, b } = collapsed(v);
  return `ŷ = ${sig(a)}·x₁ ${b < 0 ? '−' : '+'} ${sig(Math.abs(b))}·x₂`;
}

/** The four predictions in words: `ŷ(0,0) = 0.00, …`. */
export function predictionsText(v: XorNetValues): string {
  return XOR_POINTS.map((p) => `ŷ(${p.x},${p.y}) = ${fmt(predict(v, p.x, p.y))}`).join(', ');
}

/** A sentence describing both panels for readers who cannot see them. */
export function describe(v: XorNetValues): string {
  const hs = XOR_POINTS.map(
    (p) =>
      `${p.x}${p.y} → (${hidden(v, p.x, p.y)
        .map((h) => fmt(h))
        .join(', ')})`,
  ).join(', ');
  const k = correct(v);
  const verdict = k === 4 ? 'All four corners are on the right side of 0.5.' : `${k} of 4 corners are on the right side of 0.5.`;
  const net = v.relu ? 'With the ReLU' : 'Without the ReLU';
  return `${net}: ${predictionsText(v)}; mean squared error ${fmt(mse(v), 3)}. ${verdict} Hidden space (h₁, h₂): ${hs}; the dashed line is where the output layer gives 0.5. ${diagnose(v)}`.trim();
}

/** The dead-unit readout: which hidden units have `zᵢ ≤ 0` on all four corners. */
export function deadText(v: XorNetValues): string {
  const dead = deadUnits(v);
  if (dead.length === 0) return 'none';
  return dead.length === 2 ? 'both (input ≤ 0 on every corner)' : `unit ${(dead[0] ?? 0) + 1} (input ≤ 0 on every corner)`;
}
