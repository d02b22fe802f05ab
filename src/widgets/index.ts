export { default as XorFit } from './xor-fit/XorFit.astro';
export { default as LinearStack } from './linear-stack/LinearStack.astro';
export { default as LiftFeatures } from './lift-features/LiftFeatures.astro';
export { default as CoverTheorem } from './cover-theorem/CoverTheorem.astro';
export { default as ActivationExplorer } from './activation-explorer/ActivationExplorer.astro';
export { default as DepthGradients } from './depth-gradients/DepthGradients.astro';
export { default as Gating } from './gating/Gating.astro';
