import { describe, expect, it } from 'vitest';
import { deadline, LATE } from './config.ts';

const after = <T>(ms: number, value: T): Promise<T> => new Promise((resolve) => setTimeout(() => resolve(value), ms));

describe('deadline', () => {
  it('gives the work when it finishes in time', async () => {
    expect(await deadline(after(5, 'body'), 1_000)).toBe('body');
  });

  it('gives LATE when the work has not finished in time', async () => {
    expect(await deadline(after(1_000, 'body'), 10)).toBe(LATE);
  });

  it('passes on a failure in time, and drops one that comes too late', async () => {
    await expect(deadline(Promise.reject(new Error('closed')), 1_000)).rejects.toThrow('closed');
    const failsLate = new Promise((_, reject) => setTimeout(() => reject(new Error('page closed')), 20));
    expect(await deadline(failsLate, 5)).toBe(LATE);
    await after(40, undefined); // an unhandled rejection here would fail the run
  });
});
