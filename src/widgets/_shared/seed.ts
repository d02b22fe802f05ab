/** A random integer in `[min, max]` other than `current` (when there is another). */
export function newSeed(min: number, max: number, current: number, random: () => number = Math.random): number {
  const span = Math.floor(max) - Math.ceil(min) + 1;
  if (span <= 1) return Math.ceil(min);
  let pick = current;
  while (pick === current) pick = Math.ceil(min) + Math.floor(random() * span);
  return pick;
}
