/** Static figures that lead a chapter's key arguments, drawn at build time from computed values. */
export { default as XorSquare } from './XorSquare.astro';
export { default as StaircaseLoss } from './StaircaseLoss.astro';
export { default as BackpropGraph } from './BackpropGraph.astro';
