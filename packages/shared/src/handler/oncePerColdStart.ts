const resets = new Set<() => void>();

/**
 * Wraps a function's dependency factory so it runs once per cold start, on the first invocation.
 *
 * On the first call rather than at module load, so a configuration error fails an invocation
 * (with its log line, and the event retried and then sent on to the dead-letter queue) instead of
 * the init phase, and tests can import a handler module without an environment. Every service
 * builds its per-function dependencies through it.
 */
export const oncePerColdStart = <T>(build: () => T): (() => T) => {
  let cached: T | undefined;
  resets.add(() => {
    cached = undefined;
  });
  return () => {
    cached ??= build();
    return cached;
  };
};

/** Forgets every cached set of dependencies, so tests can point a fresh set at other endpoints. */
export const resetDependencies = (): void => {
  for (const reset of resets) reset();
};
