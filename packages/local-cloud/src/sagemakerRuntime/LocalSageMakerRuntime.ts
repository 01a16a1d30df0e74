import { randomUUID } from 'node:crypto';
import { AWS_DEFAULTS } from '../aws/awsDefaults.js';
import type { LocalClock } from '../clock/LocalClock.js';
import { type DurationInput, parseDuration } from '../clock/parseDuration.js';
import { AwsServiceError } from '../http/AwsServiceError.js';
import { StandInServer } from '../http/StandInServer.js';
import type { ServingTarget } from '../sagemaker/hosting/LocalHosting.js';
import { DataCaptureWriter, type PutCaptureObject, type WrittenCaptureFile } from './DataCaptureWriter.js';
import { dataCaptureRecord } from './dataCaptureRecord.js';
import type { InvokeEndpointRequest, InvokeEndpointResponse } from './invokeEndpointMessages.js';
import { ModelInputError, type ModelScoringPlan, type ScoredModel, scoreCsv, scoringFor } from './modelScoring.js';
import { RuntimeServiceError } from './RuntimeServiceError.js';
import { sageMakerRuntimeHttpHandler } from './sageMakerRuntimeHttpHandler.js';

/** One answered request, for tests and the demo. */
export type LocalInvocation = {
  endpointName: string;
  variantName: string;
  endpointConfigName: string;
  modelName: string;
  modelPackageArn?: string;
  inferenceId?: string;
  captured: boolean;
  time: Date;
};

/** Options of the sagemaker-runtime stand-in. */
export type LocalSageMakerRuntimeOptions = {
  clock: LocalClock;
  /** Which fleet answers a request to an endpoint (the SageMaker stand-in's `hosting.route`). */
  route: (endpointName: string) => ServingTarget | undefined;
  /** Writes Data Capture files (default: none; captured records are then dropped). */
  putObject?: PutCaptureObject;
  /** How each model scores (default `defaultScoring`). */
  scoring?: ModelScoringPlan;
  /** Clock time from a capture file's first record to its write (default 1 minute). */
  captureFlushAfter?: DurationInput;
  region?: string;
  accountId?: string;
};

const CSV_RESPONSE = 'text/csv; charset=utf-8';

const scoredModel = (target: ServingTarget): ScoredModel => {
  const match = /:model-package\/([^/]+)\/(\d+)$/.exec(target.modelPackageArn ?? '');
  return {
    endpointName: target.endpointName,
    variantName: target.variantName,
    modelName: target.modelName,
    ...(target.modelPackageArn === undefined ? {} : { modelPackageArn: target.modelPackageArn }),
    ...(match ? { modelPackageGroupName: match[1], modelPackageVersion: Number(match[2]) } : {}),
  };
};

/**
 * A wire-compatible stand-in for `sagemaker-runtime` InvokeEndpoint (restJson1:
 * `POST /endpoints/{EndpointName}/invocations`), answering with local deterministic models.
 *
 * Each request goes to the fleet the endpoint routes it to (during a canary, the canary gets its
 * share), is scored by the model of that fleet's package version as the scoring plan says, and
 * is answered in CSV, one score per line. With Data Capture on in the answering configuration,
 * `InitialSamplingPercentage` of the requests (spread evenly, deterministically) are captured in
 * the documented JSON Lines layout and written to S3 in batches, a little after the requests.
 */
export class LocalSageMakerRuntime {
  readonly region: string;
  readonly accountId: string;
  readonly #clock: LocalClock;
  readonly #route: (endpointName: string) => ServingTarget | undefined;
  readonly #capture?: DataCaptureWriter;
  readonly #sampling = new Map<string, number>();
  readonly #invocations: LocalInvocation[] = [];
  #scoring?: ModelScoringPlan;
  readonly #server = new StandInServer(sageMakerRuntimeHttpHandler(this));

  constructor(options: LocalSageMakerRuntimeOptions) {
    this.#clock = options.clock;
    this.#route = options.route;
    this.#scoring = options.scoring;
    this.region = options.region ?? process.env.AWS_REGION ?? AWS_DEFAULTS.region;
    this.accountId = options.accountId ?? AWS_DEFAULTS.accountId;
    if (options.putObject !== undefined) {
      this.#capture = new DataCaptureWriter({
        clock: options.clock,
        putObject: options.putObject,
        flushAfterMs: parseDuration(options.captureFlushAfter ?? '1m'),
      });
    }
  }

  /** Starts serving the API on a loopback port (0: any free one); resolves to the endpoint URL. */
  listen(options: { port?: number } = {}): Promise<string> {
    return this.#server.listen(options);
  }

  /** The endpoint URL while listening (for `AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME`), else undefined. */
  get endpoint(): string | undefined {
    return this.#server.endpoint;
  }

  /** Stops serving; buffered capture records are dropped, as an endpoint deleted before its next write. */
  close(): Promise<void> {
    this.#capture?.discard();
    return this.#server.close();
  }

  /** Replaces how models score, for the requests that follow. */
  setScoring(plan: ModelScoringPlan | undefined): void {
    this.#scoring = plan;
  }

  /** Every answered request, oldest first. */
  invocations(): LocalInvocation[] {
    return this.#invocations.map((invocation) => ({ ...invocation }));
  }

  /** The Data Capture files written so far. */
  captureFiles(): readonly WrittenCaptureFile[] {
    return this.#capture?.written ?? [];
  }

  /** Capture writes that failed, with the reason. */
  captureErrors(): readonly Error[] {
    return this.#capture?.errors ?? [];
  }

  /** Writes the buffered capture records now, instead of when their interval ends. */
  async flushCapture(): Promise<void> {
    await this.#capture?.flush();
  }

  /**
   * Answers one InvokeEndpoint request.
   *
   * @throws AwsServiceError `ValidationError` for an endpoint that does not exist or serves
   * nothing yet, `ModelError` (424) for a body the model cannot read
   */
  async invoke(request: InvokeEndpointRequest): Promise<InvokeEndpointResponse> {
    const target = this.#route(request.endpointName);
    if (target === undefined) {
      throw new AwsServiceError(
        'ValidationError',
        `Endpoint ${request.endpointName} of account ${this.accountId} not found.`,
      );
    }
    if (request.targetVariant !== undefined && request.targetVariant !== target.variantName) {
      throw new AwsServiceError(
        'ValidationError',
        `The variant ${request.targetVariant} does not exist on endpoint ${target.endpointName}.`,
      );
    }
    const contentType = request.contentType ?? 'application/octet-stream';
    const logStream = `arn:aws:logs:${this.region}:${this.accountId}:log-group:/aws/sagemaker/Endpoints/${target.endpointName}`;
    const modelError = (status: number, message: string) =>
      new RuntimeServiceError(
        'ModelError',
        `Received client error (${status}) from primary with message "${message}". See ${logStream} in account ${this.accountId} for more information.`,
        424,
        { OriginalStatusCode: status, OriginalMessage: message, LogStreamArn: logStream },
      );
    if (contentType.split(';')[0].trim().toLowerCase() !== 'text/csv') {
      throw modelError(415, `Loading ${contentType} data is not supported; this model reads text/csv.`);
    }
    let body: string;
    try {
      body = scoreCsv(scoringFor(this.#scoring, scoredModel(target)), request.body);
    } catch (error) {
      if (error instanceof ModelInputError) throw modelError(400, error.message);
      throw error;
    }
    const response: InvokeEndpointResponse = {
      body,
      contentType: CSV_RESPONSE,
      invokedProductionVariant: target.variantName,
      ...(request.customAttributes === undefined ? {} : { customAttributes: request.customAttributes }),
    };
    const captured = this.#captureIfSampled(target, request, contentType, response);
    this.#invocations.push({
      endpointName: target.endpointName,
      variantName: target.variantName,
      endpointConfigName: target.endpointConfigName,
      modelName: target.modelName,
      ...(target.modelPackageArn === undefined ? {} : { modelPackageArn: target.modelPackageArn }),
      ...(request.inferenceId === undefined ? {} : { inferenceId: request.inferenceId }),
      captured,
      time: this.#clock.now(),
    });
    return response;
  }

  #captureIfSampled(
    target: ServingTarget,
    request: InvokeEndpointRequest,
    contentType: string,
    response: InvokeEndpointResponse,
  ): boolean {
    const capture = target.dataCapture;
    if (this.#capture === undefined || capture === undefined || capture.EnableCapture === false) return false;
    // Sampling spread evenly over the requests, so a percentage captures exactly that share.
    const key = `${target.endpointName}|${target.endpointConfigName}`;
    const credit = (this.#sampling.get(key) ?? 0) + capture.InitialSamplingPercentage / 100;
    if (credit < 1 - 1e-9) {
      this.#sampling.set(key, credit);
      return false;
    }
    this.#sampling.set(key, credit - 1);
    const modes = new Set(capture.CaptureOptions.map((option) => option.CaptureMode));
    const input = modes.has('Input') || modes.has('InputAndOutput');
    const output = modes.has('Output') || modes.has('InputAndOutput');
    const header = capture.CaptureContentTypeHeader;
    const record = dataCaptureRecord({
      eventId: randomUUID(),
      ...(request.inferenceId === undefined ? {} : { inferenceId: request.inferenceId }),
      timeMs: this.#clock.nowMs(),
      ...(input ? { request: { contentType, body: request.body } } : {}),
      ...(output ? { response: { contentType: response.contentType, body: response.body } } : {}),
      contentTypes: {
        ...(header?.CsvContentTypes === undefined ? {} : { csv: header.CsvContentTypes }),
        ...(header?.JsonContentTypes === undefined ? {} : { json: header.JsonContentTypes }),
      },
    });
    this.#capture.add(capture.DestinationS3Uri, target.endpointName, target.variantName, record);
    return true;
  }
}
