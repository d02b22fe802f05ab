export { default as Figure } from './Figure.astro';
export { default as Aside } from './Aside.astro';
export { default as Exercise } from './Exercise.astro';
export { default as Solution } from './Solution.astro';
export { default as Hint } from './Hint.astro';
export { default as References } from './References.astro';
