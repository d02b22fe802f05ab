/**
 * Solutions in a build, for the test that proves a solutions-hidden build has none:
 * `SOLUTION_MARKER=<word>` makes every `<Solution>`, `<Hint>` and answer reveal begin with that
 * word, and scripts/solutions-check.ts searches all of `dist/` for it. Never set in a real build.
 */

/** The marker word from the environment, or undefined (the normal case). Letters, digits and `-` only. */
export function solutionMarker(env: Record<string, string | undefined>): string | undefined {
  const m = env['SOLUTION_MARKER'];
  if (m === undefined || m === '') return undefined;
  if (!/^[A-Za-z0-9-]{6,40}$/.test(m)) throw new Error(`SOLUTION_MARKER must be 6 to 40 letters, digits or '-' (it is "${m}").`);
  return m;
}
