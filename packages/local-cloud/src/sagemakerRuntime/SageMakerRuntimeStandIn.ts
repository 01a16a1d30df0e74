import type { DurationInput } from '../clock/parseDuration.js';
import type { SageMakerStandIn } from '../sagemaker/SageMakerStandIn.js';
import type { LocalStandIn, RunningStandIn, StandInContext } from '../standIn/LocalStandIn.js';
import type { PutCaptureObject } from './DataCaptureWriter.js';
import { LocalSageMakerRuntime } from './LocalSageMakerRuntime.js';
import type { ModelScoringPlan } from './modelScoring.js';

/**
 * sagemaker-runtime on the SageMaker stand-in's endpoints: InvokeEndpoint answers with the local
 * models, and Data Capture files go to S3 through `storage`. Starts after the SageMaker stand-in.
 */
export class SageMakerRuntimeStandIn implements LocalStandIn {
  readonly name = 'sagemaker-runtime';
  readonly #sageMaker: SageMakerStandIn;
  readonly #storage: { put: PutCaptureObject };
  readonly #scoring?: ModelScoringPlan;
  readonly #captureFlushAfter?: DurationInput;
  #runtime?: LocalSageMakerRuntime;

  constructor(options: {
    sageMaker: SageMakerStandIn;
    storage: { put: PutCaptureObject };
    scoring?: ModelScoringPlan;
    captureFlushAfter?: DurationInput;
  }) {
    this.#sageMaker = options.sageMaker;
    this.#storage = options.storage;
    this.#scoring = options.scoring;
    this.#captureFlushAfter = options.captureFlushAfter;
  }

  /** The runtime: its invocations, capture files, and `setScoring`. */
  get runtime(): LocalSageMakerRuntime {
    if (this.#runtime === undefined) throw new Error('the sagemaker-runtime stand-in is not started');
    return this.#runtime;
  }

  async start(context: StandInContext): Promise<RunningStandIn> {
    const hosting = this.#sageMaker.sageMaker.hosting;
    const runtime = new LocalSageMakerRuntime({
      clock: context.clock,
      region: context.region,
      accountId: context.accountId,
      route: (endpointName) => hosting.route(endpointName),
      putObject: (bucket, key, body, contentType) => this.#storage.put(bucket, key, body, contentType),
      ...(this.#scoring === undefined ? {} : { scoring: this.#scoring }),
      ...(this.#captureFlushAfter === undefined ? {} : { captureFlushAfter: this.#captureFlushAfter }),
    });
    this.#runtime = runtime;
    const endpoint = await context.listen('sagemaker_runtime', (port) => runtime.listen({ port }));
    return { endpoints: { sagemaker_runtime: endpoint }, stop: () => runtime.close() };
  }
}
