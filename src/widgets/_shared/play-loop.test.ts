import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlayLoop } from './play-loop';

let callbacks: Array<(t: number) => void> = [];
const runFrame = (): void => {
  const pending = callbacks;
  callbacks = [];
  for (const cb of pending) cb(performance.now());
};

beforeEach(() => {
  callbacks = [];
  vi.stubGlobal('requestAnimationFrame', (cb: (t: number) => void) => callbacks.push(cb));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => {
    if (id) callbacks = [];
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('PlayLoop', () => {
  it('runs work and draw once per frame until work reports it is done, then pauses', () => {
    let left = 3;
    const draw = vi.fn();
    const states: boolean[] = [];
    const loop = new PlayLoop(
      () => --left > 0,
      draw,
      (p) => states.push(p),
    );
    loop.play();
    for (let i = 0; i < 5; i++) runFrame();
    expect(draw).toHaveBeenCalledTimes(3);
    expect(loop.playing).toBe(false);
    expect(states).toEqual([true, false]);
  });

  it('stops scheduling while off-screen and resumes only if it was playing', () => {
    const work = vi.fn(() => true);
    const loop = new PlayLoop(work, () => {});
    loop.play();
    runFrame();
    loop.setVisible(false);
    runFrame();
    expect(work).toHaveBeenCalledTimes(1);
    loop.setVisible(true);
    runFrame();
    expect(work).toHaveBeenCalledTimes(2);
    loop.pause();
    loop.setVisible(false);
    loop.setVisible(true);
    runFrame();
    expect(work).toHaveBeenCalledTimes(2);
  });

  it('step runs exactly one slice and leaves the loop paused', () => {
    const work = vi.fn(() => true);
    const loop = new PlayLoop(work, () => {});
    loop.play();
    loop.step();
    runFrame();
    expect(work).toHaveBeenCalledTimes(1);
    expect(loop.playing).toBe(false);
  });

  it('keeps one frame in flight when play() is called again while running', () => {
    const work = vi.fn(() => true);
    const loop = new PlayLoop(work, () => {});
    loop.play();
    loop.play();
    runFrame();
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('gives work less time per frame while frames come late, and wins it back slowly once they are on time', () => {
    let now = 1000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const budgets: number[] = [];
    const loop = new PlayLoop(
      (deadline) => (budgets.push(deadline - now), true),
      () => {},
    );
    loop.play();
    const frameAfter = (ms: number): void => {
      now += ms;
      runFrame();
    };
    for (let i = 0; i < 3; i++) frameAfter(16.7);
    expect(budgets.at(-1)).toBe(8);
    for (let i = 0; i < 6; i++) frameAfter(40);
    expect(budgets.at(-1)).toBe(5);
    for (let i = 0; i < 10; i++) frameAfter(16.7);
    expect(budgets.at(-1)).toBeCloseTo(5.5, 5);
    loop.pause();
    vi.restoreAllMocks();
  });
});
