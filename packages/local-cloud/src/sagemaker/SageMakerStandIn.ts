import type { DurationInput } from '../clock/parseDuration.js';
import type { LocalStandIn, RunningStandIn, StandInContext } from '../standIn/LocalStandIn.js';
import { type LocalPipelineDefinition, LocalSageMaker } from './LocalSageMaker.js';

/**
 * SageMaker Pipelines on the clock, seeded with the pipelines it is given (as if created before);
 * status changes go to the default bus through `context.putEvent`.
 */
export class SageMakerStandIn implements LocalStandIn {
  readonly name = 'sagemaker';
  readonly #pipelines: readonly LocalPipelineDefinition[];
  readonly #defaultRunDuration?: DurationInput;
  #sageMaker?: LocalSageMaker;

  constructor(options: { pipelines: readonly LocalPipelineDefinition[]; defaultRunDuration?: DurationInput }) {
    this.#pipelines = options.pipelines;
    this.#defaultRunDuration = options.defaultRunDuration;
  }

  /** The SageMaker stand-in: its pipelines and executions. */
  get sageMaker(): LocalSageMaker {
    if (this.#sageMaker === undefined) throw new Error('the SageMaker stand-in is not started');
    return this.#sageMaker;
  }

  async start(context: StandInContext): Promise<RunningStandIn> {
    const sageMaker = new LocalSageMaker({
      clock: context.clock,
      region: context.region,
      accountId: context.accountId,
      ...(this.#defaultRunDuration === undefined ? {} : { defaultRunDuration: this.#defaultRunDuration }),
      emit: async (event) => {
        context.putEvent(event, 'default');
        await context.drain();
      },
    });
    this.#sageMaker = sageMaker;
    for (const definition of this.#pipelines) sageMaker.registerPipeline(definition);
    const endpoint = await context.listen('sagemaker', (port) => sageMaker.listen({ port }));
    return { endpoints: { sagemaker: endpoint }, stop: () => sageMaker.close() };
  }
}
