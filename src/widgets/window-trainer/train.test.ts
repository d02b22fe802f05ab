import { describe, expect, it } from 'vitest';
import { defaults } from '../_shared/state';
import { steps } from '../_shared/run/contract';
import { props } from './model';
import { EVAL_WINDOWS, MAX_STEPS, RECORD_EVERY, TEXT_SHOWN, WindowTrainer, windows } from './train';

const base = defaults(props);

describe('window model training', () => {
  it('builds windows of the n ids before each target', () => {
    const ids = Uint16Array.from([5, 6, 7, 8, 9]);
    expect(windows(ids, [2, 4], 2)).toEqual({ context: [5, 6, 7, 8], target: [7, 9] });
  });

  it('defaults: grammar corpus, n = 2, e = 16, v = 32, η = 10^−0.3, seed 1', () => {
    expect(base).toEqual({ corpus: 'grammar', n: 2, e: 16, v: 32, lr: -0.3, seed: 1 });
  });

  it('is deterministic per seed however the steps are sliced, and its snapshots own their arrays', () => {
    const a = new WindowTrainer(base);
    a.advance(steps(60));
    const b = new WindowTrainer(base);
    for (let i = 0; i < 12; i++) b.advance(steps(5));
    const [sa, sb] = [a.snapshot(), b.snapshot()];
    expect(sb).toEqual(sa);
    expect(sb.points).toEqual(sa.points);
    expect(b.table()).toEqual(a.table());
    expect(sa.history.map((h) => h.step)).toEqual([0, RECORD_EVERY, 2 * RECORD_EVERY]);
    expect(sa.recorded).toBe(2 * RECORD_EVERY);
    expect(sa.points).not.toBe(a.snapshot().points);
    expect(new WindowTrainer({ ...base, seed: 2 }).table()).not.toEqual(new WindowTrainer(base).table());
  }, 30_000);

  it('draws every grammar word with a category, with finite coordinates and scores', () => {
    const t = new WindowTrainer(base);
    t.advance(steps(RECORD_EVERY));
    const s = t.snapshot();
    // The 96 words with a category; '.', said, he, she, was and in are left out of the picture.
    expect(s.words.length).toBe(96);
    expect(s.category?.every((c) => c >= 0)).toBe(true);
    expect(s.points.length).toBe(192);
    expect([...s.points].every(Number.isFinite)).toBe(true);
    expect(s.history[0]!.loss).toBeGreaterThan(Math.log(102) - 0.5);
    expect(s.history[0]!.purity).toBeLessThan(0.3);
    expect(s.analogy).toBeGreaterThanOrEqual(0);
  });

  it('stops with a sentence, not NaN, at a huge learning rate', () => {
    const t = new WindowTrainer({ ...base, lr: props.lr.max });
    t.advance(steps(500));
    expect(t.error ?? '').toMatch(/^Training diverged/);
    expect(t.done).toBe(true);
    const s = t.snapshot();
    expect(s.history.every((h) => Number.isFinite(h.loss))).toBe(true);
    expect([...s.points].every(Number.isFinite)).toBe(true);
  });

  it('trains on a text corpus: no categories, the most frequent words drawn, the loss falls', () => {
    // A tiny "text": a cycle of 200 words, so the next word is fully predictable.
    const words = Array.from({ length: 200 }, (_, i) => `w${i}`).concat('<unk>');
    const ids = Uint16Array.from({ length: 4000 }, (_, i) => i % 200);
    const t = new WindowTrainer({ ...base, corpus: 'moby-dick', text: { ids, words }, lr: 0 });
    t.advance(steps(150));
    const s = t.snapshot();
    expect(s.category).toBeNull();
    expect(s.analogy).toBeNull();
    expect(s.words.length).toBe(TEXT_SHOWN);
    expect(s.history.every((h) => h.purity === null)).toBe(true);
    expect(s.history.at(-1)!.loss).toBeLessThan(s.history[0]!.loss - 0.3);
    expect(() => new WindowTrainer({ ...base, corpus: 'moby-dick' })).toThrow('not loaded');
    expect(EVAL_WINDOWS).toBeGreaterThan(100);
  }, 30_000);

  it('stops at the step limit and extends on request', () => {
    const t = new WindowTrainer({ ...base, e: 2, v: 8 });
    t.limit = 30;
    t.advance(steps(100));
    expect(t.progress()).toEqual({ steps: 30, fraction: 1, phase: 'finished' });
    t.extend();
    expect(t.limit).toBe(30 + MAX_STEPS);
    t.advance(steps(1));
    expect(t.done).toBe(false);
  });
});
