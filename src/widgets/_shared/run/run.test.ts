import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reportOf, runToEnd, stepWithin, steps, transferables, type Budget, type Report, type Run } from './contract';
import { FrameHost } from './frame-host';
import { serveRun } from './serve';
import type { FromWorker, Port, ToWorker } from './protocol';

/** A toy run: counts to `n`, its snapshot the count and a fresh Float64Array of the squares so far. */
class Counter implements Run<{ count: number; squares: Float64Array }> {
  count = 0;
  error: string | null = null;
  constructor(
    readonly n: number,
    private readonly failAt = Infinity,
  ) {}
  get done(): boolean {
    return this.count >= this.n;
  }
  step(): void {
    if (this.count === this.failAt) throw new Error('boom');
    this.count++;
  }
  advance(budget: Budget): void {
    stepWithin(budget, this);
  }
  progress() {
    return { steps: this.count, fraction: this.count / this.n, phase: this.done ? 'finished' : 'counting' };
  }
  snapshot() {
    return { count: this.count, squares: Float64Array.from({ length: this.count }, (_, i) => i * i) };
  }
}

describe('the run contract', () => {
  it('steps within a budget: at most maxSteps, and stops at the deadline after at least one step', () => {
    const c = new Counter(100);
    c.advance(steps(7));
    expect(c.count).toBe(7);
    let t = 0;
    c.advance({ deadline: 3, now: () => t++ });
    expect(c.count).toBe(11);
    expect(runToEnd(c).count).toBe(100);
    expect(reportOf(4, c)).toMatchObject({ run: 4, done: true, error: null, progress: { steps: 100, fraction: 1, phase: 'finished' } });
  });

  it('finds every typed array buffer in a snapshot, once', () => {
    const a = new Float64Array(3);
    const b = new Uint8Array(2);
    expect(transferables({ a, list: [b, { again: a }], n: 1, s: 'x' })).toEqual([a.buffer, b.buffer]);
  });
});

let frames: Array<(t: number) => void> = [];
const runFrames = (k: number): void => {
  for (let i = 0; i < k; i++) {
    const pending = frames;
    frames = [];
    for (const cb of pending) cb(performance.now());
  }
};

describe('FrameHost', () => {
  beforeEach(() => {
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (cb: (t: number) => void) => frames.push(cb));
    vi.stubGlobal('cancelAnimationFrame', () => {
      frames = [];
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('reports step 0 on start, then a report per frame until done, and stops playing', () => {
    const reports: Array<Report<{ count: number }>> = [];
    const playing: boolean[] = [];
    const host = new FrameHost(
      (n: number) => new Counter(n),
      { report: (r) => reports.push(r), playing: (p) => playing.push(p), failed: () => {} },
      { stepsPerFrame: 2 },
    );
    host.start(5);
    expect(reports.map((r) => r.snapshot.count)).toEqual([0]);
    host.play();
    runFrames(5);
    expect(reports.map((r) => r.snapshot.count)).toEqual([0, 2, 4, 5]);
    expect(reports.at(-1)?.done).toBe(true);
    expect(playing).toEqual([true, false]);
    expect(host.playing).toBe(false);
  });

  it('a run whose code throws becomes a sentence, not an exception', () => {
    const failed: string[] = [];
    const host = new FrameHost((n: number) => new Counter(n, 3), { report: () => {}, playing: () => {}, failed: (s) => failed.push(s) });
    host.start(10);
    host.play();
    expect(() => runFrames(3)).not.toThrow();
    expect(failed).toEqual(['The computation stopped on an error (boom). The figure keeps its last drawing; reload the page to try again.']);
    expect(host.playing).toBe(false);
  });
});

/** A fake worker scope: messages to the server are delivered at once, messages from it collected. */
function fakeWorker(): { send: (m: ToWorker<number>) => void; got: Array<FromWorker<{ count: number }>>; transfers: Transferable[][] } {
  const got: Array<FromWorker<{ count: number }>> = [];
  const transfers: Transferable[][] = [];
  const port: Port<ToWorker<number>, FromWorker<{ count: number }>> = {
    postMessage: (m, t) => {
      got.push(m);
      transfers.push(t);
    },
    onmessage: null,
  };
  serveRun(port, (n) => new Counter(n));
  return { send: (m) => port.onmessage?.(new MessageEvent('message', { data: m })), got, transfers };
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

describe('serveRun (the worker side)', () => {
  it('reports a new run at once, with its typed arrays to transfer, and waits for "drawn" before the next report', async () => {
    const w = fakeWorker();
    w.send({ type: 'start', id: 1, settings: 20_000 });
    expect(w.got).toHaveLength(1);
    expect(w.got[0]).toMatchObject({ type: 'report', report: { run: 1, snapshot: { count: 0 } } });
    expect(w.transfers[0]).toHaveLength(1);
    w.send({ type: 'play' });
    await tick();
    expect(w.got).toHaveLength(1); // the first report is not drawn yet
    for (
      let i = 0;
      i < 100 && !(w.got.at(-1)?.type === 'report' && w.got.at(-1)?.type === 'report' && (w.got.at(-1) as { report: Report<unknown> }).report.done);
      i++
    ) {
      w.send({ type: 'drawn' });
      await tick();
    }
    const last = w.got.at(-1);
    expect(last?.type === 'report' && last.report).toMatchObject({ run: 1, done: true, snapshot: { count: 20_000 } });
  });

  it('a step runs one slice; a finished run reports done; the throw fault becomes a "failed" sentence', async () => {
    const w = fakeWorker();
    w.send({ type: 'start', id: 1, settings: 3 });
    w.send({ type: 'drawn' });
    w.send({ type: 'step' });
    const last = w.got.at(-1);
    expect(last?.type === 'report' && last.report).toMatchObject({ done: true, snapshot: { count: 3 } });
    const f = fakeWorker();
    f.send({ type: 'start', id: 2, settings: 1e9, fault: 'throw' });
    f.send({ type: 'drawn' });
    f.send({ type: 'step' });
    f.send({ type: 'drawn' });
    f.send({ type: 'step' });
    await tick();
    expect(f.got.at(-1)).toEqual({
      type: 'failed',
      sentence: 'The computation stopped on an error (a test fault asked for by the page). The figure keeps its last drawing; reload the page to try again.',
    });
  });
});
