/**
 * The widget's run: chapter 5's MNIST training with probe sweeps (`../_shared/mnist-net/run.ts`). One probe cache per
 * thread, so the raw-pixel probe (the same for every network) is fitted once however often the reader restarts.
 */
import { MnistRun, type ProbeCache } from '../_shared/mnist-net/run';
import type { LayerProbesSettings } from './model';

const cache: ProbeCache = {};

/** A fresh run from the reader's settings, sharing this thread's raw-pixel probe. */
export function layerProbesRun(s: LayerProbesSettings): MnistRun {
  return new MnistRun(s, cache);
}
