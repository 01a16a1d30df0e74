import type { DurationInput } from '../clock/parseDuration.js';
import type { LocalStandIn, RunningStandIn, StandInContext } from '../standIn/LocalStandIn.js';
import type { AlarmStates } from './hosting/AlarmStates.js';
import { type LocalPipelineDefinition, LocalSageMaker, type PutObject } from './LocalSageMaker.js';

/** Where the stand-in writes objects (evaluation reports): the S3 stand-in's `put`. */
export type SageMakerStorage = { put: PutObject };

/**
 * SageMaker on the clock (Pipelines and the Model Registry), seeded with the pipelines it is
 * given (as if created before, with the model package groups they register in); its events go to
 * the default bus through `context.putEvent`, and evaluation reports to S3 through `storage`.
 */
export class SageMakerStandIn implements LocalStandIn {
  readonly name = 'sagemaker';
  readonly #pipelines: readonly LocalPipelineDefinition[];
  readonly #defaultRunDuration?: DurationInput;
  readonly #storage?: SageMakerStorage;
  readonly #alarms?: AlarmStates;
  #sageMaker?: LocalSageMaker;

  constructor(options: {
    pipelines: readonly LocalPipelineDefinition[];
    defaultRunDuration?: DurationInput;
    storage?: SageMakerStorage;
    /** The alarms endpoint deployments roll back on (the CloudWatch stand-in). */
    alarms?: AlarmStates;
  }) {
    this.#pipelines = options.pipelines;
    this.#defaultRunDuration = options.defaultRunDuration;
    this.#storage = options.storage;
    this.#alarms = options.alarms;
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
      ...(this.#storage === undefined
        ? {}
        : { putObject: (bucket, key, body, contentType) => this.#storage!.put(bucket, key, body, contentType) }),
      resolveExport: (name) => context.names.exports[name],
      ...(this.#alarms === undefined ? {} : { alarms: this.#alarms }),
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
