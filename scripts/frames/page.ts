/**
 * The page `npm run frames` measures while a worker trains an MNIST-sized model: the book's
 * WorkerHost drives the worker, and each report is drawn (the first unit's weights as a 28 × 28
 * image of 10-pixel squares on a canvas, and the step count and loss as text), as a widget would.
 */
import { WorkerHost } from '../../src/widgets/_shared/run/worker-host.ts';
import type { MnistSnapshot } from './mnist-run.ts';

const canvas = document.querySelector('canvas') as HTMLCanvasElement;
const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
const text = document.querySelector('output') as HTMLOutputElement;
const state = { reports: 0, steps: 0, failed: '' };

function draw(s: MnistSnapshot): void {
  let max = 1e-12;
  for (const w of s.unit) max = Math.max(max, Math.abs(w));
  s.unit.forEach((w, i) => {
    const v = Math.round(127.5 + (127.5 * w) / max);
    ctx.fillStyle = `rgb(${v} 128 ${255 - v})`;
    ctx.fillRect(10 * (i % 28), 10 * Math.floor(i / 28), 10, 10);
  });
  text.textContent = `${s.steps} steps, loss ${s.loss.toFixed(3)}`;
}

const host = new WorkerHost<number, MnistSnapshot>(() => new Worker(new URL('./mnist.worker.ts', import.meta.url), { type: 'module' }), {
  report: (r) => {
    state.reports++;
    state.steps = r.snapshot.steps;
    draw(r.snapshot);
  },
  playing: () => {},
  failed: (sentence) => {
    state.failed = sentence;
    text.textContent = sentence;
  },
});
host.start(1);
Object.assign(window, { bench: { host, state } });
