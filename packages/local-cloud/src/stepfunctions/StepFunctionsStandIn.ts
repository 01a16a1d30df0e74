import type { LocalStateMachine } from '../serverless/readStateMachines.js';
import type { LocalStandIn, RunningStandIn, StandInContext } from '../standIn/LocalStandIn.js';
import { LocalStepFunctions } from './LocalStepFunctions.js';
import { loadStatesLibrary } from './loadStatesLibrary.js';
import type { SnsPublishPort } from './SnsPublishPort.js';

/** Options of the Step Functions stand-in. */
export type StepFunctionsStandInOptions = {
  /** The state machines the stacks declare (`LoadedServerlessRules.stateMachines`). */
  stateMachines: readonly LocalStateMachine[];
  /**
   * Where `arn:aws:states:::sns:publish` tasks publish: the SNS stand-in's `publish`, or a
   * function giving it once started. Without one, such a task fails with `LocalCloud.SnsNotAvailable`.
   */
  publisher?: SnsPublishPort | (() => SnsPublishPort | undefined);
};

/**
 * Step Functions: the stacks' state machines on the clock, served at `AWS_ENDPOINT_URL_SFN`;
 * Lambda tasks run through `context.invokeSync` (and `context.invoke` for `InvocationType: Event`),
 * SNS tasks through the publisher it is given.
 */
export class StepFunctionsStandIn implements LocalStandIn {
  readonly name = 'stepfunctions';
  readonly #options: StepFunctionsStandInOptions;
  #stepFunctions?: LocalStepFunctions;

  constructor(options: StepFunctionsStandInOptions) {
    this.#options = options;
  }

  /** The Step Functions stand-in: its state machines, executions and their histories. */
  get stepFunctions(): LocalStepFunctions {
    if (this.#stepFunctions === undefined) throw new Error('the Step Functions stand-in is not started');
    return this.#stepFunctions;
  }

  async start(context: StandInContext): Promise<RunningStandIn> {
    const { publisher } = this.#options;
    const resolvePublisher = () => (typeof publisher === 'function' ? publisher() : publisher);
    const stepFunctions = new LocalStepFunctions({
      clock: context.clock,
      region: context.region,
      accountId: context.accountId,
      stateMachines: this.#options.stateMachines,
      // Loading the library (and the Lambda client it brings) costs only clouds that run state machines.
      library: this.#options.stateMachines.length > 0 ? await loadStatesLibrary() : undefined,
      drain: () => context.drain(),
      ports: {
        invokeSync: (target, payload, trigger) => context.invokeSync(target, payload, trigger),
        invoke: (target, payload, trigger) => context.invoke(target, payload, trigger),
        get publisher() {
          return resolvePublisher();
        },
      },
    });
    this.#stepFunctions = stepFunctions;
    const endpoint = await context.listen('sfn', (port) => stepFunctions.listen({ port }));
    return {
      endpoints: { sfn: endpoint },
      inFlight: () => stepFunctions.inFlight,
      drain: () => stepFunctions.drain(),
      stop: () => stepFunctions.close(),
    };
  }
}
