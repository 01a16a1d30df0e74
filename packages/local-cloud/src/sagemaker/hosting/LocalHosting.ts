import type { ClockTimer, LocalClock } from '../../clock/LocalClock.js';
import { type DurationInput, parseDuration } from '../../clock/parseDuration.js';
import { AwsServiceError } from '../../http/AwsServiceError.js';
import type { StructureShape } from '../../http/checkShape.js';
import type { LocalModelRegistry } from '../LocalModelRegistry.js';
import type { AlarmStates } from './AlarmStates.js';
import {
  type BlueGreenUpdatePolicy,
  type DeploymentStep,
  deploymentPolicyProblem,
  deploymentSteps,
} from './deploymentSteps.js';
import {
  type EndpointEventEnvelope,
  type EndpointEventVariant,
  type EndpointStatus,
  endpointEvent,
  eventEndpointStatus,
} from './endpointEvents.js';
import {
  CreateEndpointConfigInput,
  CreateEndpointInput,
  CreateModelInput,
  EndpointConfigNameInput,
  EndpointNameInput,
  ModelNameInput,
  UpdateEndpointInput,
} from './hostingShapes.js';

type Json = Record<string, unknown>;

/** The input shapes of the hosting operations, by operation. */
export const HOSTING_SHAPES: Readonly<Record<string, StructureShape>> = {
  CreateModel: CreateModelInput,
  DescribeModel: ModelNameInput,
  DeleteModel: ModelNameInput,
  CreateEndpointConfig: CreateEndpointConfigInput,
  DescribeEndpointConfig: EndpointConfigNameInput,
  DeleteEndpointConfig: EndpointConfigNameInput,
  CreateEndpoint: CreateEndpointInput,
  UpdateEndpoint: UpdateEndpointInput,
  DescribeEndpoint: EndpointNameInput,
  DeleteEndpoint: EndpointNameInput,
};

/** Options of the hosting part of the SageMaker stand-in. */
export type LocalHostingOptions = {
  region: string;
  accountId: string;
  clock: LocalClock;
  /** Where models' `ModelPackageName` containers are looked up. */
  registry: LocalModelRegistry;
  /** Hands on an endpoint event; the stand-in delivers it on the next tick. */
  publish: (event: EndpointEventEnvelope) => void;
  /** The CloudWatch alarms auto-rollback watches (default: none exist, so none is ever in ALARM). */
  alarms?: AlarmStates;
  /** Clock time from CreateEndpoint to InService (default 5 minutes). */
  createDuration?: DurationInput;
  /** Clock time to launch instances of a new fleet, per launch step (default 3 minutes). */
  launchDuration?: DurationInput;
  /** Clock time from RollingBack to InService on the old configuration (default 2 minutes). */
  rollbackDuration?: DurationInput;
};

/** A production variant of an endpoint configuration, as CreateEndpointConfig took it. */
export type VariantConfig = {
  VariantName: string;
  ModelName?: string;
  InitialInstanceCount?: number;
  InstanceType?: string;
  InitialVariantWeight?: number;
};

/** DataCaptureConfig of an endpoint configuration, as CreateEndpointConfig took it. */
export type DataCaptureSettings = {
  EnableCapture?: boolean;
  InitialSamplingPercentage: number;
  DestinationS3Uri: string;
  KmsKeyId?: string;
  CaptureOptions: { CaptureMode: 'Input' | 'Output' | 'InputAndOutput' }[];
  CaptureContentTypeHeader?: { CsvContentTypes?: string[]; JsonContentTypes?: string[] };
};

/** Which fleet answers a request: what sagemaker-runtime's InvokeEndpoint needs. */
export type ServingTarget = {
  endpointName: string;
  endpointArn: string;
  endpointConfigName: string;
  variantName: string;
  modelName: string;
  /** The model package the model was created from (`Containers[].ModelPackageName`), as an ARN. */
  modelPackageArn?: string;
  /** The capture settings of the configuration the answering fleet runs. */
  dataCapture?: DataCaptureSettings;
};

type ModelState = { name: string; arn: string; createdMs: number; request: Json; modelPackageArn?: string };
type ConfigState = {
  name: string;
  arn: string;
  createdMs: number;
  variants: VariantConfig[];
  dataCapture?: DataCaptureSettings;
  request: Json;
};
type VariantStatus = { Status: string; StatusMessage: string; startMs: number };
type Deployment = {
  kind: 'create' | 'update';
  target: ConfigState;
  alarms: string[];
  steps: DeploymentStep[];
  index: number;
  startMs: number;
  launched: number;
  serving: number;
  total: number;
  variantStatus: VariantStatus;
  monitoring: boolean;
  timer?: ClockTimer;
  timeout?: ClockTimer;
};
type EndpointState = {
  name: string;
  arn: string;
  createdMs: number;
  modifiedMs: number;
  status: EndpointStatus;
  config?: ConfigState;
  failureReason?: string;
  lastDeploymentConfig?: Json;
  deployment?: Deployment;
  /** Set by `failNextRollback`: the next rollback ends UpdateRollbackFailed with this reason. */
  rollbackFailure?: string;
  /** Set by `failNextDeployment`: the next deployment fails at launch with this reason. */
  deploymentFailure?: string;
  /** Traffic accumulators: the share routed to the new fleet, and smooth weighted round-robin per variant. */
  newShare: number;
  variantCredit: Map<string, number>;
};

const validation = (message: string) => new AwsServiceError('ValidationException', message);
const seconds = (ms: number): number => ms / 1000;
const totalInstances = (config: ConfigState): number =>
  config.variants.reduce((sum, variant) => sum + (variant.InitialInstanceCount ?? 1), 0);

/**
 * SageMaker hosting on the local clock: models, endpoint configurations and endpoints, with the
 * deployment guardrails of UpdateEndpoint.
 *
 * CreateEndpoint goes `Creating` then `InService` after `createDuration`. UpdateEndpoint runs the
 * blue/green steps of its `DeploymentConfig` (`deploymentSteps`): it launches the new fleet,
 * shifts traffic to it (canary, linear steps or all at once), waits `WaitIntervalInSeconds`
 * between steps and bakes for `TerminationWaitInSeconds`, then serves the new configuration.
 * While traffic runs on the new fleet, an alarm of `AutoRollbackConfiguration` in `ALARM` rolls the
 * update back: `RollingBack`, then `InService` on the old configuration with a `FailureReason`,
 * as SageMaker does (or `UpdateRollbackFailed` when `failNextRollback` says so). Every status
 * change sends `SageMaker Endpoint State Change`, every step `SageMaker Endpoint Deployment State Change`.
 */
export class LocalHosting {
  readonly #options: LocalHostingOptions;
  readonly #createMs: number;
  readonly #launchMs: number;
  readonly #rollbackMs: number;
  readonly #models = new Map<string, ModelState>();
  readonly #configs = new Map<string, ConfigState>();
  readonly #endpoints = new Map<string, EndpointState>();
  readonly #unsubscribe?: () => void;

  constructor(options: LocalHostingOptions) {
    this.#options = options;
    this.#createMs = parseDuration(options.createDuration ?? '5m');
    this.#launchMs = parseDuration(options.launchDuration ?? '3m');
    this.#rollbackMs = parseDuration(options.rollbackDuration ?? '2m');
    this.#unsubscribe = options.alarms?.subscribe((name, state) => {
      if (state === 'ALARM') this.#onAlarm(name);
    });
  }

  /** Stops listening to the alarms. */
  close(): void {
    this.#unsubscribe?.();
  }

  #arn(kind: 'model' | 'endpoint-config' | 'endpoint', name: string): string {
    return `arn:aws:sagemaker:${this.#options.region}:${this.#options.accountId}:${kind}/${name.toLowerCase()}`;
  }

  /**
   * Which fleet answers the next request to an endpoint, or undefined when the endpoint does not
   * exist or serves nothing (still Creating, Failed). During an update the new fleet gets its
   * share of the traffic (the canary's, a linear step's), deterministically spread over requests.
   */
  route(endpointName: string): ServingTarget | undefined {
    const endpoint = this.#endpoints.get(endpointName.toLowerCase());
    if (endpoint?.config === undefined || endpoint.status === 'Creating' || endpoint.status === 'Failed') {
      return undefined;
    }
    let config = endpoint.config;
    const deployment = endpoint.deployment;
    if (deployment !== undefined && endpoint.status === 'Updating' && deployment.serving > 0) {
      endpoint.newShare += deployment.serving / deployment.total;
      if (endpoint.newShare >= 1 - 1e-9) {
        endpoint.newShare -= 1;
        config = deployment.target;
      }
    }
    const variant = this.#pickVariant(endpoint, config.variants);
    const model = variant.ModelName === undefined ? undefined : this.#models.get(variant.ModelName.toLowerCase());
    return {
      endpointName: endpoint.name,
      endpointArn: endpoint.arn,
      endpointConfigName: config.name,
      variantName: variant.VariantName,
      modelName: model?.name ?? variant.ModelName ?? '',
      ...(model?.modelPackageArn === undefined ? {} : { modelPackageArn: model.modelPackageArn }),
      ...(config.dataCapture === undefined ? {} : { dataCapture: config.dataCapture }),
    };
  }

  #pickVariant(endpoint: EndpointState, variants: VariantConfig[]): VariantConfig {
    if (variants.length === 1) return variants[0];
    let total = 0;
    let best: VariantConfig | undefined;
    for (const variant of variants) {
      const weight = variant.InitialVariantWeight ?? 1;
      total += weight;
      const credit = (endpoint.variantCredit.get(variant.VariantName) ?? 0) + weight;
      endpoint.variantCredit.set(variant.VariantName, credit);
      if (best === undefined || credit > (endpoint.variantCredit.get(best.VariantName) ?? 0)) best = variant;
    }
    const chosen = best as VariantConfig;
    endpoint.variantCredit.set(chosen.VariantName, (endpoint.variantCredit.get(chosen.VariantName) ?? 0) - total);
    return chosen;
  }

  /** The next rollback of this endpoint fails: it ends `UpdateRollbackFailed` with `reason`. */
  failNextRollback(endpointName: string, reason = 'Rollback failed: the old fleet could not be restored.'): void {
    this.#requireEndpoint(endpointName).rollbackFailure = reason;
  }

  /** The next deployment of this endpoint fails when it launches instances: a creation ends `Failed`, an update rolls back. */
  failNextDeployment(
    endpointName: string,
    reason = 'Failed to launch instances: the container did not pass ping health checks.',
  ): void {
    this.#requireEndpoint(endpointName).deploymentFailure = reason;
  }

  /** The endpoint's status now, or undefined when there is no such endpoint. */
  endpointStatus(endpointName: string): EndpointStatus | undefined {
    return this.#endpoints.get(endpointName.toLowerCase())?.status;
  }

  /**
   * Runs one hosting operation on a request already checked against its shape.
   *
   * @throws AwsServiceError `ValidationException` worded as SageMaker words it ("Could not find
   * ...", "Cannot create already existing ...", "Cannot update in-progress endpoint ...")
   */
  handle(operation: string, input: Json): Json {
    switch (operation) {
      case 'CreateModel':
        return this.#createModel(input);
      case 'DescribeModel':
        return this.#describeModel(this.#requireModel(input.ModelName as string));
      case 'DeleteModel':
        this.#models.delete(this.#requireModel(input.ModelName as string).name.toLowerCase());
        return {};
      case 'CreateEndpointConfig':
        return this.#createConfig(input);
      case 'DescribeEndpointConfig':
        return this.#describeConfig(this.#requireConfig(input.EndpointConfigName as string));
      case 'DeleteEndpointConfig':
        this.#configs.delete(this.#requireConfig(input.EndpointConfigName as string).name.toLowerCase());
        return {};
      case 'CreateEndpoint':
        return this.#createEndpoint(input);
      case 'UpdateEndpoint':
        return this.#updateEndpoint(input);
      case 'DescribeEndpoint':
        return this.#describeEndpoint(this.#requireEndpoint(input.EndpointName as string));
      case 'DeleteEndpoint':
        return this.#deleteEndpoint(this.#requireEndpoint(input.EndpointName as string));
      default:
        throw new AwsServiceError('UnknownOperationException', `Unknown operation ${operation}`);
    }
  }

  #requireModel(name: string): ModelState {
    const model = this.#models.get(name.toLowerCase());
    if (!model) throw validation(`Could not find model "${this.#arn('model', name)}".`);
    return model;
  }

  #requireConfig(name: string): ConfigState {
    const config = this.#configs.get(name.toLowerCase());
    if (!config) throw validation(`Could not find endpoint configuration "${this.#arn('endpoint-config', name)}".`);
    return config;
  }

  #requireEndpoint(name: string): EndpointState {
    const endpoint = this.#endpoints.get(name.toLowerCase());
    if (!endpoint) throw validation(`Could not find endpoint "${this.#arn('endpoint', name)}".`);
    return endpoint;
  }

  #createModel(input: Json): Json {
    const name = input.ModelName as string;
    if (this.#models.has(name.toLowerCase())) {
      throw validation(`Cannot create already existing model "${this.#arn('model', name)}".`);
    }
    const containers = [
      ...(input.PrimaryContainer === undefined ? [] : [input.PrimaryContainer as Json]),
      ...((input.Containers as Json[] | undefined) ?? []),
    ];
    if (containers.length === 0) throw validation('Either PrimaryContainer or Containers must be specified.');
    let modelPackageArn: string | undefined;
    for (const container of containers) {
      const packageName = container.ModelPackageName as string | undefined;
      if (packageName === undefined) {
        if (container.Image === undefined)
          throw validation('Image must be specified for a container without ModelPackageName.');
        continue;
      }
      const described = this.#options.registry.handle('DescribeModelPackage', { ModelPackageName: packageName });
      modelPackageArn ??= described.ModelPackageArn as string;
    }
    const model: ModelState = {
      name,
      arn: this.#arn('model', name),
      createdMs: this.#options.clock.nowMs(),
      request: structuredClone(input),
      ...(modelPackageArn === undefined ? {} : { modelPackageArn }),
    };
    this.#models.set(name.toLowerCase(), model);
    return { ModelArn: model.arn };
  }

  #describeModel(model: ModelState): Json {
    const { ModelName: _, Tags: __, ...rest } = model.request;
    return { ModelName: model.name, ...rest, ModelArn: model.arn, CreationTime: seconds(model.createdMs) };
  }

  #createConfig(input: Json): Json {
    const name = input.EndpointConfigName as string;
    if (this.#configs.has(name.toLowerCase())) {
      throw validation(
        `Cannot create already existing endpoint configuration "${this.#arn('endpoint-config', name)}".`,
      );
    }
    const variants = input.ProductionVariants as VariantConfig[];
    const names = new Set<string>();
    for (const variant of variants) {
      if (names.has(variant.VariantName)) throw validation(`Duplicate variant name ${variant.VariantName}.`);
      names.add(variant.VariantName);
      if (variant.ModelName === undefined)
        throw validation(`ModelName must be specified for variant ${variant.VariantName}.`);
      this.#requireModel(variant.ModelName);
    }
    const config: ConfigState = {
      name,
      arn: this.#arn('endpoint-config', name),
      createdMs: this.#options.clock.nowMs(),
      variants: structuredClone(variants),
      ...(input.DataCaptureConfig === undefined
        ? {}
        : { dataCapture: structuredClone(input.DataCaptureConfig) as DataCaptureSettings }),
      request: structuredClone(input),
    };
    this.#configs.set(name.toLowerCase(), config);
    return { EndpointConfigArn: config.arn };
  }

  #describeConfig(config: ConfigState): Json {
    const { EndpointConfigName: _, Tags: __, ...rest } = config.request;
    return {
      EndpointConfigName: config.name,
      EndpointConfigArn: config.arn,
      ...rest,
      CreationTime: seconds(config.createdMs),
    };
  }

  #createEndpoint(input: Json): Json {
    const name = input.EndpointName as string;
    if (this.#endpoints.has(name.toLowerCase())) {
      throw validation(`Cannot create already existing endpoint "${this.#arn('endpoint', name)}".`);
    }
    const target = this.#requireConfig(input.EndpointConfigName as string);
    const now = this.#options.clock.nowMs();
    const total = totalInstances(target);
    const endpoint: EndpointState = {
      name,
      arn: this.#arn('endpoint', name),
      createdMs: now,
      modifiedMs: now,
      status: 'Creating',
      ...(input.DeploymentConfig === undefined
        ? {}
        : { lastDeploymentConfig: structuredClone(input.DeploymentConfig as Json) }),
      newShare: 0,
      variantCredit: new Map(),
    };
    endpoint.deployment = {
      kind: 'create',
      target,
      alarms: [],
      steps: [],
      index: 0,
      startMs: now,
      launched: 0,
      serving: 0,
      total,
      variantStatus: { Status: 'Creating', StatusMessage: `Launching ${total} instance(s).`, startMs: now },
      monitoring: false,
    };
    this.#endpoints.set(name.toLowerCase(), endpoint);
    this.#stateChanged(endpoint);
    this.#deploymentChanged(endpoint);
    endpoint.deployment.timer = this.#options.clock.after(
      this.#createMs,
      () => {
        const deployment = endpoint.deployment;
        if (deployment === undefined) return;
        endpoint.deployment = undefined;
        const failure = endpoint.deploymentFailure;
        endpoint.deploymentFailure = undefined;
        if (failure !== undefined) {
          this.#setStatus(endpoint, 'Failed', failure);
          return;
        }
        endpoint.config = deployment.target;
        this.#setStatus(endpoint, 'InService');
      },
      { label: `sagemaker endpoint ${name} InService` },
    );
    return { EndpointArn: endpoint.arn };
  }

  #updateEndpoint(input: Json): Json {
    const endpoint = this.#requireEndpoint(input.EndpointName as string);
    if (endpoint.status === 'Creating' || endpoint.status === 'Updating' || endpoint.status === 'RollingBack') {
      throw validation(`Cannot update in-progress endpoint "${endpoint.arn}".`);
    }
    if (endpoint.status === 'Failed') throw validation(`Cannot update failed endpoint "${endpoint.arn}".`);
    const target = this.#requireConfig(input.EndpointConfigName as string);
    const deploymentConfig =
      (input.DeploymentConfig as Json | undefined) ??
      (input.RetainDeploymentConfig === true ? endpoint.lastDeploymentConfig : undefined);
    const policy = deploymentConfig?.BlueGreenUpdatePolicy as BlueGreenUpdatePolicy | undefined;
    const total = totalInstances(target);
    const problem = deploymentPolicyProblem(policy, total);
    if (problem !== undefined) throw validation(problem);
    const alarms = (
      ((deploymentConfig?.AutoRollbackConfiguration as Json | undefined)?.Alarms as
        | { AlarmName: string }[]
        | undefined) ?? []
    ).map((alarm) => alarm.AlarmName);
    const now = this.#options.clock.nowMs();
    endpoint.lastDeploymentConfig = deploymentConfig === undefined ? undefined : structuredClone(deploymentConfig);
    endpoint.failureReason = undefined;
    endpoint.newShare = 0;
    const deployment: Deployment = {
      kind: 'update',
      target,
      alarms,
      steps: deploymentSteps(policy, total),
      index: 0,
      startMs: now,
      launched: 0,
      serving: 0,
      total,
      variantStatus: { Status: 'Creating', StatusMessage: '', startMs: now },
      monitoring: false,
    };
    endpoint.deployment = deployment;
    this.#setStatus(endpoint, 'Updating');
    const maximum = policy?.MaximumExecutionTimeoutInSeconds;
    if (maximum !== undefined) {
      deployment.timeout = this.#options.clock.after(
        maximum * 1000,
        () => {
          if (endpoint.deployment === deployment && endpoint.status === 'Updating') {
            this.#rollBack(endpoint, `Deployment timed out after MaximumExecutionTimeoutInSeconds (${maximum}).`);
          }
        },
        { label: `sagemaker endpoint ${endpoint.name} deployment timeout` },
      );
    }
    this.#runStep(endpoint, deployment);
    return { EndpointArn: endpoint.arn };
  }

  #runStep(endpoint: EndpointState, deployment: Deployment): void {
    if (endpoint.deployment !== deployment || endpoint.status !== 'Updating') return;
    const step = deployment.steps[deployment.index];
    const clock = this.#options.clock;
    const next = () => {
      deployment.index += 1;
      this.#runStep(endpoint, deployment);
    };
    if (step === undefined) {
      this.#finishUpdate(endpoint, deployment);
      return;
    }
    switch (step.kind) {
      case 'launch':
        this.#variantStatus(endpoint, deployment, 'Creating', step.message);
        deployment.timer = clock.after(
          this.#launchMs,
          () => {
            if (endpoint.deployment !== deployment || endpoint.status !== 'Updating') return;
            const failure = endpoint.deploymentFailure;
            if (failure !== undefined) {
              endpoint.deploymentFailure = undefined;
              this.#rollBack(endpoint, failure);
              return;
            }
            deployment.launched += step.instances;
            next();
          },
          { label: `sagemaker endpoint ${endpoint.name} launched` },
        );
        return;
      case 'shift':
        deployment.serving = step.serving;
        deployment.monitoring = true;
        this.#variantStatus(endpoint, deployment, 'ActivatingTraffic', step.message);
        if (!this.#rolledBackOnAlarm(endpoint, deployment)) next();
        return;
      case 'bake':
        deployment.monitoring = true;
        this.#variantStatus(endpoint, deployment, 'Baking', step.message);
        if (this.#rolledBackOnAlarm(endpoint, deployment)) return;
        deployment.timer = clock.after(step.seconds * 1000, next, {
          label: `sagemaker endpoint ${endpoint.name} baked`,
        });
        return;
    }
  }

  /** Rolls the update back when alarms of its auto-rollback configuration are in ALARM now; says whether it did. */
  #rolledBackOnAlarm(endpoint: EndpointState, deployment: Deployment): boolean {
    const alarms = deployment.alarms.filter((name) => this.#options.alarms?.state(name) === 'ALARM');
    if (alarms.length === 0) return false;
    this.#rollBack(endpoint, this.#alarmReason(alarms));
    return true;
  }

  #alarmReason(alarms: string[]): string {
    return `Update was rolled back because the following CloudWatch alarms were in ALARM state: [${alarms.join(', ')}].`;
  }

  #onAlarm(alarmName: string): void {
    for (const endpoint of this.#endpoints.values()) {
      const deployment = endpoint.deployment;
      if (
        deployment?.kind === 'update' &&
        endpoint.status === 'Updating' &&
        deployment.monitoring &&
        deployment.alarms.includes(alarmName)
      ) {
        this.#rollBack(endpoint, this.#alarmReason([alarmName]));
      }
    }
  }

  #finishUpdate(endpoint: EndpointState, deployment: Deployment): void {
    deployment.timeout?.cancel();
    endpoint.config = deployment.target;
    endpoint.deployment = undefined;
    endpoint.newShare = 0;
    endpoint.variantCredit.clear();
    this.#setStatus(endpoint, 'InService');
  }

  #rollBack(endpoint: EndpointState, reason: string): void {
    const deployment = endpoint.deployment;
    if (deployment === undefined) return;
    deployment.timer?.cancel();
    deployment.timeout?.cancel();
    deployment.monitoring = false;
    deployment.serving = 0;
    this.#setStatus(endpoint, 'RollingBack', reason);
    this.#variantStatus(endpoint, deployment, 'Deleting', `Terminating ${deployment.launched} instance(s).`);
    deployment.timer = this.#options.clock.after(
      this.#rollbackMs,
      () => {
        if (endpoint.deployment !== deployment) return;
        endpoint.deployment = undefined;
        endpoint.newShare = 0;
        const failure = endpoint.rollbackFailure;
        endpoint.rollbackFailure = undefined;
        if (failure !== undefined) {
          this.#setStatus(endpoint, 'UpdateRollbackFailed', `${reason} ${failure}`);
          return;
        }
        this.#setStatus(endpoint, 'InService', reason);
      },
      { label: `sagemaker endpoint ${endpoint.name} rolled back` },
    );
  }

  #deleteEndpoint(endpoint: EndpointState): Json {
    endpoint.deployment?.timer?.cancel();
    endpoint.deployment?.timeout?.cancel();
    this.#endpoints.delete(endpoint.name.toLowerCase());
    return {};
  }

  #setStatus(endpoint: EndpointState, status: EndpointStatus, failureReason?: string): void {
    endpoint.status = status;
    endpoint.failureReason = failureReason;
    endpoint.modifiedMs = this.#options.clock.nowMs();
    this.#stateChanged(endpoint);
  }

  #variantStatus(endpoint: EndpointState, deployment: Deployment, status: string, message: string): void {
    deployment.variantStatus = { Status: status, StatusMessage: message, startMs: this.#options.clock.nowMs() };
    endpoint.modifiedMs = this.#options.clock.nowMs();
    this.#deploymentChanged(endpoint);
  }

  #servingVariants(endpoint: EndpointState): EndpointEventVariant[] {
    const config = endpoint.config;
    if (config === undefined) return [];
    const deployment = endpoint.deployment;
    const oldShare = deployment === undefined ? 1 : 1 - deployment.serving / deployment.total;
    return config.variants.map((variant) => {
      const weight = variant.InitialVariantWeight ?? 1;
      const count = variant.InitialInstanceCount ?? 1;
      return {
        VariantName: variant.VariantName,
        CurrentWeight: weight * oldShare,
        DesiredWeight: weight,
        CurrentInstanceCount: count,
        DesiredInstanceCount: count,
      };
    });
  }

  #pendingVariants(deployment: Deployment): EndpointEventVariant[] {
    const share = deployment.serving / deployment.total;
    return deployment.target.variants.map((variant) => {
      const weight = variant.InitialVariantWeight ?? 1;
      return {
        VariantName: variant.VariantName,
        CurrentWeight: weight * share,
        DesiredWeight: weight,
        CurrentInstanceCount: Math.round(
          deployment.launched * ((variant.InitialInstanceCount ?? 1) / deployment.total),
        ),
        DesiredInstanceCount: variant.InitialInstanceCount ?? 1,
        VariantStatus: [
          {
            Status: deployment.variantStatus.Status,
            StatusMessage: deployment.variantStatus.StatusMessage,
            StartTime: deployment.variantStatus.startMs,
          },
        ],
      };
    });
  }

  #eventDetail(endpoint: EndpointState) {
    const deployment = endpoint.deployment;
    return {
      EndpointName: endpoint.name,
      EndpointArn: endpoint.arn,
      EndpointConfigName: (endpoint.config ?? deployment?.target)?.name ?? '',
      ProductionVariants: this.#servingVariants(endpoint),
      EndpointStatus: eventEndpointStatus(endpoint.status),
      CreationTime: endpoint.createdMs,
      LastModifiedTime: endpoint.modifiedMs,
      ...(endpoint.failureReason === undefined ? {} : { FailureReason: endpoint.failureReason }),
      Tags: {},
    };
  }

  #stateChanged(endpoint: EndpointState): void {
    const { region, accountId, clock } = this.#options;
    this.#options.publish(
      endpointEvent({
        detailType: 'SageMaker Endpoint State Change',
        region,
        accountId,
        timeMs: clock.nowMs(),
        detail: this.#eventDetail(endpoint),
      }),
    );
  }

  #deploymentChanged(endpoint: EndpointState): void {
    const deployment = endpoint.deployment;
    if (deployment === undefined) return;
    const { region, accountId, clock } = this.#options;
    this.#options.publish(
      endpointEvent({
        detailType: 'SageMaker Endpoint Deployment State Change',
        region,
        accountId,
        timeMs: clock.nowMs(),
        detail: {
          ...this.#eventDetail(endpoint),
          PendingDeploymentSummary: {
            EndpointConfigName: deployment.target.name,
            StartTime: deployment.startMs,
            ProductionVariants: this.#pendingVariants(deployment),
          },
        },
      }),
    );
  }

  #describeEndpoint(endpoint: EndpointState): Json {
    const deployment = endpoint.deployment;
    const config = endpoint.config ?? deployment?.target;
    const capture = endpoint.config?.dataCapture;
    return {
      EndpointName: endpoint.name,
      EndpointArn: endpoint.arn,
      EndpointConfigName: config?.name,
      ...(endpoint.config === undefined
        ? {}
        : {
            ProductionVariants: this.#servingVariants(endpoint).map((variant) => ({
              ...variant,
              DeployedImages: this.#deployedImages(endpoint.config as ConfigState, variant.VariantName),
            })),
          }),
      ...(capture === undefined
        ? {}
        : {
            DataCaptureConfig: {
              EnableCapture: capture.EnableCapture ?? true,
              CaptureStatus: (capture.EnableCapture ?? true) ? 'Started' : 'Stopped',
              CurrentSamplingPercentage: capture.InitialSamplingPercentage,
              DestinationS3Uri: capture.DestinationS3Uri,
              KmsKeyId: capture.KmsKeyId,
            },
          }),
      EndpointStatus: endpoint.status,
      FailureReason: endpoint.failureReason,
      CreationTime: seconds(endpoint.createdMs),
      LastModifiedTime: seconds(endpoint.modifiedMs),
      LastDeploymentConfig: endpoint.lastDeploymentConfig,
      ...(deployment === undefined
        ? {}
        : {
            PendingDeploymentSummary: {
              EndpointConfigName: deployment.target.name,
              StartTime: seconds(deployment.startMs),
              ProductionVariants: this.#pendingVariants(deployment).map((variant) => ({
                ...variant,
                InstanceType: deployment.target.variants.find((v) => v.VariantName === variant.VariantName)
                  ?.InstanceType,
                VariantStatus: variant.VariantStatus?.map((status) => ({
                  ...status,
                  StartTime: seconds(status.StartTime),
                })),
              })),
            },
          }),
    };
  }

  #deployedImages(config: ConfigState, variantName: string): Json[] {
    const variant = config.variants.find((v) => v.VariantName === variantName);
    const model = variant?.ModelName === undefined ? undefined : this.#models.get(variant.ModelName.toLowerCase());
    const container = (model?.request.PrimaryContainer ?? (model?.request.Containers as Json[] | undefined)?.[0]) as
      | Json
      | undefined;
    const image = container?.Image as string | undefined;
    return image === undefined
      ? []
      : [{ SpecifiedImage: image, ResolvedImage: image, ResolutionTime: seconds(config.createdMs) }];
  }
}
