/* The public API (index.ts) and the ops no chapter imports, for the package's own tests and benchmark: they are
   tested primitives that other code composes (`pow` and `sum` make `cosineSimilarity`, `gather` is `Embedding.forward`)
   or checks against tfjs, but a widget has no use for them, so the package does not export them. */
export * from './index.ts';
export { zeros } from './tensor.ts';
export { exp, pow } from './ops-elementwise.ts';
export { mean, max, argmax } from './ops-reduce.ts';
export { reshape } from './ops-shape.ts';
export { gather } from './ops-embedding.ts';
export { logSoftmax } from './ops-loss.ts';
export { moons, subset } from './data.ts';
export { cosineSimilarity } from './projection.ts';
