export { default as XorFit } from './xor-fit/XorFit.astro';
export { default as LinearStack } from './linear-stack/LinearStack.astro';
export { default as LiftFeatures } from './lift-features/LiftFeatures.astro';
export { default as CoverTheorem } from './cover-theorem/CoverTheorem.astro';
