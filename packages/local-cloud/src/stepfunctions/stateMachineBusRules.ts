import type { BusRule } from '../eventbridge/BusRule.js';
import type { LocalStateMachine } from '../serverless/readStateMachines.js';

/** The ARN of a state machine, as a rule's target names it. */
export const STATE_MACHINE_TARGET = /^arn:aws[a-z-]*:states:[^:]+:\d{12}:stateMachine:[^:]+$/;

/**
 * The bus rules of the state machines' `eventBridge` events: each names its state machine's ARN
 * as the target, which the local cloud's `invoke` port hands to Step Functions (StartExecution
 * with the event, after the rule's input options, as the input) instead of Lambda.
 */
export const stateMachineBusRules = (stateMachines: readonly LocalStateMachine[]): BusRule[] =>
  stateMachines.flatMap((machine) =>
    machine.rules.map(({ ruleName, bus, pattern, stateMachineArn, input, inputPath, inputTransformer }) => ({
      ruleName,
      bus,
      pattern,
      deployedName: stateMachineArn,
      ...(input === undefined ? {} : { input }),
      ...(inputPath === undefined ? {} : { inputPath }),
      ...(inputTransformer === undefined ? {} : { inputTransformer }),
    })),
  );
