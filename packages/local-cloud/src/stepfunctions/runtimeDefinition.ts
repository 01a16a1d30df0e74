import { isPlainObject } from '../isPlainObject.js';

/** The largest task timeout the library's wall-clock `setTimeout` takes without overflowing to 1 ms. */
const LIBRARY_TASK_TIMEOUT_SECONDS = 2_147_483;

/**
 * A deep copy of a definition made of this realm's objects: the library tells mappings by
 * `Object.prototype` and ignores a `Parameters` template it does not recognise as one, which a
 * `structuredClone` under jest (objects of another realm) would be.
 */
const cloneDefinition = (definition: Record<string, unknown>): Record<string, unknown> =>
  JSON.parse(JSON.stringify(definition)) as Record<string, unknown>;

/** A Task or Wait state of a definition (also inside Parallel branches and Map iterators), as written. */
export type StateEntry = { name: string; state: Record<string, unknown> };

/** What the library runs, and the states whose work the stand-in does on the local clock. */
export type RuntimeDefinition = {
  definition: Record<string, unknown>;
  /** Task states and Wait states (run as tasks), by name. */
  localStates: Map<string, StateEntry>;
  /** Names of every state with a `Retry`: the library retries them at once, the stand-in waits the interval on the clock. */
  retried: string[];
  /** The type of every state as written (a Wait state stays `Wait` here), by name. */
  types: Map<string, string>;
};

const eachStates = (definition: Record<string, unknown>, visit: (states: Record<string, unknown>) => void): void => {
  if (!isPlainObject(definition.States)) return;
  visit(definition.States);
  for (const state of Object.values(definition.States)) {
    if (!isPlainObject(state)) continue;
    for (const branch of Array.isArray(state.Branches) ? state.Branches : []) {
      if (isPlainObject(branch)) eachStates(branch, visit);
    }
    for (const processor of [state.Iterator, state.ItemProcessor]) {
      if (isPlainObject(processor)) eachStates(processor, visit);
    }
  }
};

/**
 * Rewrites a definition so that aws-local-stepfunctions keeps no time of its own: every Wait
 * state becomes a Task state the stand-in runs on the local clock (same InputPath, OutputPath and
 * transition), every Task state gets the largest timeout the library's wall-clock timer takes
 * (its default is 60 s; the stand-in applies the state's own `TimeoutSeconds` and
 * `HeartbeatSeconds` on the local clock), and the execution's `TimeoutSeconds` is left to the
 * stand-in.
 *
 * The definition given is not changed.
 */
export const runtimeDefinition = (original: Record<string, unknown>): RuntimeDefinition => {
  const definition = cloneDefinition(original);
  delete definition.TimeoutSeconds;
  const localStates = new Map<string, StateEntry>();
  const retried: string[] = [];
  const originals = new Map<string, Record<string, unknown>>();
  const types = new Map<string, string>();
  eachStates(original, (states) => {
    for (const [name, state] of Object.entries(states)) {
      if (!isPlainObject(state)) continue;
      originals.set(name, state);
      types.set(name, String(state.Type));
    }
  });
  eachStates(definition, (states) => {
    for (const [name, state] of Object.entries(states)) {
      if (!isPlainObject(state)) continue;
      if (Array.isArray(state.Retry)) retried.push(name);
      if (state.Type === 'Task') {
        for (const key of ['TimeoutSecondsPath', 'HeartbeatSeconds', 'HeartbeatSecondsPath']) delete state[key];
        state.TimeoutSeconds = LIBRARY_TASK_TIMEOUT_SECONDS;
      } else if (state.Type === 'Wait') {
        const keep = ['Comment', 'InputPath', 'OutputPath', 'Next', 'End'].filter((key) => key in state);
        states[name] = {
          ...Object.fromEntries(keep.map((key) => [key, state[key]])),
          Type: 'Task',
          Resource: 'arn:aws:lambda:us-east-1:123456789012:function:local-wait',
          TimeoutSeconds: LIBRARY_TASK_TIMEOUT_SECONDS,
        };
      } else {
        continue;
      }
      localStates.set(name, { name, state: originals.get(name) ?? state });
    }
  });
  return { definition, localStates, retried, types };
};
