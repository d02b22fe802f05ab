/** The seeded measurement behind measured.ts and its test: train at given settings and read the grammar's scores. Pure module. */
import { steps } from '../_shared/run/contract';
import { ANALOGIES } from './grammar';
import type { WindowValues } from './model';
import { analogyAccuracy } from './metrics';
import { WindowTrainer } from './train';

/** Steps of the measured run: the default run length the chapter quotes. */
export const MEASURE_STEPS = 2000;

export interface Measured {
  /** Purity@5 after `steps` steps. */
  purity: number;
  /** Analogy accuracy@1 after `steps` steps, over every analogy of the grammar. */
  analogy: number;
  /** The first recorded step (every `RECORD_EVERY` steps, see train.ts) at which purity@5 ≥ 0.8, or null. */
  stepsTo08: number | null;
  /** Held-out loss after `steps` steps. */
  loss: number;
  /** Analogy accuracy@1 for each relation. */
  byRelation: Record<string, number>;
}

/** Train the window model on the grammar for `n` steps, recording every `RECORD_EVERY` steps. */
export function measureRun(v: WindowValues, n: number = MEASURE_STEPS): Measured {
  const t = new WindowTrainer(v);
  t.advance(steps(n));
  if (t.error) throw new Error(t.error);
  const first = t.history.find((h) => (h.purity ?? 0) >= 0.8);
  const last = t.history.at(-1)!;
  const snap = t.snapshot();
  const byRelation: Record<string, number> = {};
  for (const rel of new Set(ANALOGIES.map((a) => a.relation)))
    byRelation[rel] = analogyAccuracy(
      t.table(),
      v.e,
      ANALOGIES.filter((a) => a.relation === rel),
    );
  return { purity: last.purity ?? 0, analogy: snap.analogy ?? 0, stepsTo08: first ? first.step : null, loss: last.loss, byRelation };
}
