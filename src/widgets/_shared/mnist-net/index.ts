/**
 * Chapter 5's MNIST pipeline, shared by the widgets that train the MNIST network and probe its layers. Pure (no DOM);
 * runs in a worker, on the main thread, in Node tests and in scripts. The API below is stable.
 *
 * - `net.ts`: `NetSettings` `{ depth, width, seed }` (defaults `DEFAULT_NET`: 784-256-128-64-10 ReLU, seed 1);
 *   `layerSizes`, `hiddenWidths` (each hidden layer half the previous, at least 16), `architecture` ("784-256-…"),
 *   `probedLayers` (pixels, hidden 1…, output), `buildNet` (an `MLP`), `checkedSettings` (bad values → defaults).
 * - `data.ts`: `splits(digits, limit?)` → `{ train, test }`, each `{ x: [n, 784] in [0, 1], labels, first }` (`first`:
 *   the file index of row 0); `rowsOf(split, idx)` a minibatch.
 * - `sweep.ts`: `frozenActivations(net, split)` → `[pixels, h₁, …, output]` (no graph recorded);
 *   `probeLayer(layer, trainActs, trainLabels, testActs, testSplit)` → `LayerProbe` (held-out `accuracy`,
 *   `trainAccuracy`, `wrongCount`, the first `WRONG_SHOWN` misread test digits), fitted by
 *   `probe(x, labels, PROBE_OPTIONS)` (softmax, fixed seed); `readScores(z, labels)`.
 * - `run.ts`: `new MnistRun({ ...netSettings, digits, epochs?, checkpoints?, limit?, offset?, lookup? }, cache?)`, a `Run<MnistSnapshot>`:
 *   Adam (`TRAINING`) for `EPOCHS` epochs, pausing at the `CHECKPOINTS` epochs (0 = initialisation) for a sweep of
 *   probes over every layer, one layer per step. `MnistSnapshot` has the phase, steps, epochs, the network's test
 *   accuracy, the loss, per-epoch `history`, the `checkpoints` (each `{ epoch, step, netAccuracy, layers, complete }`)
 *   and the layer being probed. Pass the same `ProbeCache` object to successive runs (e.g. in the worker) to fit the
 *   raw-pixel probe once; within a run it is fitted once anyway. `SMALL_RUN` (2,000/500 digits, 3 epochs): the digits
 *   and epochs of the widgets that train several networks or fit many probes (control task, scrambled pixels).
 * - `lookup.ts`: `LookupNet`, the network behind a learned lookup of each pixel value (`LOOKUP`), built by
 *   `new MnistRun({ …, lookup: true })`.
 * - `node.ts` (Node only): `nodeDigits()`, the book's 10,000 digits built from the `mnist` package.
 */
export * from './net';
export * from './data';
export * from './sweep';
export * from './run';
export * from './lookup';
