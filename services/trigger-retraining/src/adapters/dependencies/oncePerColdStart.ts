/**
 * Wraps a dependency factory so it runs once per function instance, on first use.
 *
 * Lazy rather than at module load, so a missing variable fails the invocation (with its log
 * line and the event retried) instead of the cold start, and tests can import a handler module
 * without an environment.
 */
export const oncePerColdStart = <T>(factory: () => T): (() => T) => {
  let built: { value: T } | undefined;
  return () => {
    built ??= { value: factory() };
    return built.value;
  };
};
