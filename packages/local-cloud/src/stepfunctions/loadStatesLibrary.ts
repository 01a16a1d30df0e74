import type { StateMachine as LibraryStateMachine } from 'aws-local-stepfunctions';

/** The parts of aws-local-stepfunctions the stand-in uses, loaded once the runtime it needs is in place. */
export type StatesLibrary = {
  StateMachine: typeof LibraryStateMachine;
  /** Builds the library's own `States.Timeout` error, the one its `States.TaskFailed` matcher leaves out. */
  statesTimeout: () => Error;
};

let loading: Promise<StatesLibrary> | undefined;

/**
 * Loads aws-local-stepfunctions 3.0.0 on Node 20: it declares Node 22 and calls
 * `Promise.withResolvers` in every Task state (without it, Retry and timeouts fail as `States.ALL`),
 * so the method is added when missing.
 *
 * The library's `StatesTimeoutError` is not exported, yet a Task or Catch matches `States.TaskFailed`
 * for every error except an instance of it; the stand-in times tasks out on the local clock and
 * must throw that very class. A one-state machine with a 1 ms timeout (a millisecond of wall
 * time, once per process) yields an instance to take the class from.
 */
export const loadStatesLibrary = (): Promise<StatesLibrary> => {
  loading ??= (async () => {
    if (typeof (Promise as { withResolvers?: unknown }).withResolvers !== 'function') {
      Object.defineProperty(Promise, 'withResolvers', {
        configurable: true,
        writable: true,
        value: function withResolvers<T>(this: PromiseConstructor) {
          let resolve!: (value: T | PromiseLike<T>) => void;
          let reject!: (reason?: unknown) => void;
          const promise = new this<T>((yes, no) => {
            resolve = yes;
            reject = no;
          });
          return { promise, resolve, reject };
        },
      });
    }
    const { StateMachine } = await import('aws-local-stepfunctions');
    const probe = new StateMachine(
      {
        StartAt: 'Probe',
        States: {
          Probe: {
            Type: 'Task',
            Resource: 'arn:aws:lambda:eu-west-1:123456789012:function:probe',
            TimeoutSeconds: 0.001,
            End: true,
          },
        },
      },
      { validationOptions: { noValidate: true } },
    );
    let timeoutClass: (new () => Error) | undefined;
    try {
      await probe.run({}, { overrides: { taskResourceLocalHandlers: { Probe: () => new Promise(() => undefined) } } })
        .result;
    } catch (error) {
      const cause = (error as Error).cause;
      if (cause instanceof Error && cause.name === 'States.Timeout')
        timeoutClass = cause.constructor as new () => Error;
    }
    if (timeoutClass === undefined) {
      throw new Error(
        'aws-local-stepfunctions did not time out its probe task with States.Timeout: the version changed?',
      );
    }
    const TimeoutClass = timeoutClass;
    return { StateMachine, statesTimeout: () => new TimeoutClass() };
  })();
  return loading;
};
