/**
 * A widget's build-time figure is drawn on its chapter page, its embed page and the print page, in one build process.
 * `buildOnce` computes a value (e.g. a training run to its end) the first time and hands the same value back after
 * that, so an expensive static figure costs its run once per build.
 */
const built = new Map<string, unknown>();

/** The value `compute()` gave the first time it ran under `key` in this process. */
export function buildOnce<T>(key: string, compute: () => T): T {
  if (!built.has(key)) built.set(key, compute());
  return built.get(key) as T;
}
