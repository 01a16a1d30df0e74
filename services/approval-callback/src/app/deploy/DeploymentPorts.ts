import type { LeaseKey, Leases, PauseSwitch } from '@fleet/shared';
import type { EndpointDeploymentConfig } from '../../domain/deployment/blueGreenDeploymentConfig.js';
import type { ServedPackage } from '../../domain/deployment/rollbackTarget.js';
import type { AppLogger, AppMetrics, ApprovalEvents, Clock, ModelRegistry } from '../ports.js';
import type { DeploymentRecord } from './DeploymentRecord.js';

/** A model to create from an approved package. */
export type ModelRequest = { modelName: string; modelPackageArn: string; executionRoleArn: string };

/** Data Capture of an endpoint configuration: what the drift monitor reads. */
export type CaptureRequest = { samplingPercent: number; destinationS3Uri: string; csvContentTypes: string[] };

/** An endpoint configuration with one production variant. */
export type EndpointConfigRequest = {
  endpointConfigName: string;
  modelName: string;
  variantName: string;
  instanceType: string;
  instanceCount: number;
  dataCapture?: CaptureRequest;
};

/** What `DescribeEndpoint` says about an endpoint, as the deployment reads it. */
export type EndpointDescription = {
  status: string;
  endpointConfigName?: string;
  /** The configuration an update in progress deploys (`PendingDeploymentSummary`). */
  pendingEndpointConfigName?: string;
  failureReason?: string;
};

/**
 * SageMaker hosting, as the deployment uses it. Every failure is thrown classified
 * (`DeploymentTaskError`), so the state machine's `Retry` and `Catch` can match it.
 */
export interface EndpointHosting {
  modelExists(modelName: string): Promise<boolean>;
  createModel(request: ModelRequest): Promise<void>;
  endpointConfigExists(endpointConfigName: string): Promise<boolean>;
  createEndpointConfig(request: EndpointConfigRequest): Promise<void>;
  /** The endpoint, or `undefined` when there is none. */
  describeEndpoint(endpointName: string): Promise<EndpointDescription | undefined>;
  createEndpoint(endpointName: string, endpointConfigName: string): Promise<void>;
  updateEndpoint(endpointName: string, endpointConfigName: string, config: EndpointDeploymentConfig): Promise<void>;
}

/** The deployment records and the endpoint's deployment lease. */
export interface DeploymentStore {
  readonly leases: Leases;
  /** The lease that lets one deployment at a time run on an endpoint. */
  lockKey(endpointName: string): LeaseKey;
  /** Writes the deployment record unless it is there (conditional write); false when it was. */
  putDeployment(record: DeploymentRecord): Promise<boolean>;
  /** The model's pause switch, when an operator ever set it. */
  pauseSwitch(model: string): Promise<PauseSwitch | undefined>;
  /** The model's deployment records, newest first (one Query of its history). */
  deployments(model: string): Promise<ServedPackage[]>;
}

/** Everything the deployment's use cases need from outside; each takes only what it calls. */
export type DeploymentPorts = {
  hosting: EndpointHosting;
  store: DeploymentStore;
  registry: Pick<ModelRegistry, 'listApproved' | 'setStatus'>;
  events: ApprovalEvents;
  clock: Clock;
  logger: AppLogger;
  metrics: AppMetrics;
};
