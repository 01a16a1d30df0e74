/** An event of an execution's history, as GetExecutionHistory returns it (details under `<type>EventDetails`). */
export type HistoryEvent = {
  id: number;
  previousEventId: number;
  timestamp: Date;
  type: string;
  [details: string]: unknown;
};

/** The part of an aws-local-stepfunctions event log entry the history is made of. */
export type LibraryEvent = {
  type: string;
  state?: { name: string; type: string; input?: unknown; output?: unknown };
  input?: unknown;
  output?: unknown;
  Error?: string;
  Cause?: unknown;
};

const json = (value: unknown) => JSON.stringify(value ?? null);
const text = (value: unknown) => (typeof value === 'string' ? value : json(value));

/**
 * The history event Step Functions would record for one event of the library's log, or
 * undefined for those it has no counterpart for (Map iterations, Parallel branches).
 *
 * State events are named after the state's type as written (`TaskStateEntered`,
 * `WaitStateExited`...): `typeOf` gives it, since the stand-in runs Wait states as tasks.
 */
export const historyEventOf = (
  event: LibraryEvent,
  typeOf: (stateName: string) => string | undefined,
): Omit<HistoryEvent, 'id' | 'previousEventId' | 'timestamp'> | undefined => {
  const stateType = event.state === undefined ? undefined : (typeOf(event.state.name) ?? event.state.type);
  switch (event.type) {
    case 'ExecutionStarted':
      return { type: 'ExecutionStarted', executionStartedEventDetails: { input: json(event.input) } };
    case 'ExecutionSucceeded':
      return { type: 'ExecutionSucceeded', executionSucceededEventDetails: { output: json(event.output) } };
    case 'ExecutionFailed':
      return {
        type: 'ExecutionFailed',
        executionFailedEventDetails: { error: event.Error, cause: text(event.Cause) },
      };
    case 'StateEntered':
      return {
        type: `${stateType}StateEntered`,
        stateEnteredEventDetails: { name: event.state?.name, input: json(event.state?.input) },
      };
    case 'StateExited':
      return {
        type: `${stateType}StateExited`,
        stateExitedEventDetails: { name: event.state?.name, output: json(event.state?.output) },
      };
    case 'StateFailed':
      return stateType === 'Task'
        ? { type: 'TaskFailed', taskFailedEventDetails: { error: event.Error, cause: text(event.Cause) } }
        : undefined;
    default:
      return undefined;
  }
};
