/** `showSolutions` from course.config.ts, replaced at build time (astro.config.mjs `vite.define`). */
declare const __SHOW_SOLUTIONS__: boolean;
