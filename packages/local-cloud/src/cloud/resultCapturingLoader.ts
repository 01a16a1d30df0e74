type AnyFunction = (...args: unknown[]) => unknown;

/** A module loader for the LambdaRunner that also remembers what each invocation returned. */
export type ResultCapturingLoader = {
  /** Loads a handler module (with `require`) and wraps its exported functions. */
  loadModule: (file: string) => Record<string, unknown>;
  /** What the invocation with this request id returned (or threw), once it settled. */
  resultOf: (requestId: string) => { value?: unknown; error?: unknown } | undefined;
};

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';

const requestIdOf = (context: unknown): string | undefined =>
  typeof context === 'object' && context !== null
    ? ((context as { awsRequestId?: unknown }).awsRequestId as string | undefined)
    : undefined;

/**
 * Builds a loader whose handlers are the modules' own, wrapped only to remember their results
 * by Lambda request id, so the local cloud can show what a function decided (a skipped or
 * ignored trigger returns its reason) next to the invocation record.
 *
 * The wrapper keeps the handler's arity, so callback-style handlers are still told apart from
 * promise-returning ones, and hands back exactly what the handler returned.
 */
export const resultCapturingLoader = (load: (file: string) => Record<string, unknown>): ResultCapturingLoader => {
  const modules = new Map<string, Record<string, unknown>>();
  const results = new Map<string, { value?: unknown; error?: unknown }>();
  const wrap = (original: AnyFunction): AnyFunction => {
    const wrapped = function (this: unknown, ...args: unknown[]) {
      const requestId = requestIdOf(args[1]);
      const returned = original.apply(this, args);
      if (requestId !== undefined && isThenable(returned)) {
        returned.then(
          (value) => results.set(requestId, { value }),
          (error) => results.set(requestId, { error }),
        );
      } else if (requestId !== undefined && returned !== undefined) {
        results.set(requestId, { value: returned });
      }
      return returned;
    };
    Object.defineProperty(wrapped, 'length', { value: original.length });
    return wrapped;
  };
  return {
    loadModule: (file) => {
      let module = modules.get(file);
      if (module === undefined) {
        const loaded = load(file);
        module = Object.fromEntries(
          Object.entries(loaded).map(([name, value]) => [
            name,
            typeof value === 'function' ? wrap(value as AnyFunction) : value,
          ]),
        );
        modules.set(file, module);
      }
      return module;
    },
    resultOf: (requestId) => results.get(requestId),
  };
};
