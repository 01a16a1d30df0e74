import { isPlainObject } from '../isPlainObject.js';

/**
 * The transitions of a definition that lead nowhere: `StartAt`, `Next`, `Default` and the `Next`
 * of choices and catchers must name a state of the same `States` (branches and iterators
 * included), or aws-local-stepfunctions fails mid-run with a TypeError.
 *
 * A cheap check for the stand-in's start; validating the whole language is asl-validator's job,
 * about a second per definition, in the infrastructure test of the packaged stacks.
 *
 * @example checkTransitions({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' } } }) // ['A.Next: no state B']
 */
export const checkTransitions = (definition: Record<string, unknown>, at = ''): string[] => {
  const problems: string[] = [];
  const states = isPlainObject(definition.States) ? definition.States : {};
  const known = (name: unknown, where: string) => {
    if (typeof name !== 'string' || !(name in states)) problems.push(`${where}: no state ${String(name)}`);
  };
  known(definition.StartAt, `${at}StartAt`);
  for (const [name, state] of Object.entries(states)) {
    if (!isPlainObject(state)) {
      problems.push(`${at}${name}: not a mapping`);
      continue;
    }
    if (state.Next !== undefined) known(state.Next, `${at}${name}.Next`);
    if (state.Default !== undefined) known(state.Default, `${at}${name}.Default`);
    for (const list of [state.Choices, state.Catch]) {
      for (const rule of Array.isArray(list) ? list : [])
        known(isPlainObject(rule) ? rule.Next : undefined, `${at}${name}`);
    }
    for (const branch of [
      ...(Array.isArray(state.Branches) ? state.Branches : []),
      state.Iterator,
      state.ItemProcessor,
    ]) {
      if (isPlainObject(branch)) problems.push(...checkTransitions(branch, `${at}${name}/`));
    }
  }
  return problems;
};
