import { MemoryRecordsRepository, parseFleetConfig } from '@fleet/shared';
import { RecordsDeploymentStore } from '../../src/adapters/RecordsDeploymentStore.js';
import type {
  DeploymentPorts,
  EndpointConfigRequest,
  EndpointDescription,
  EndpointHosting,
  ModelRequest,
} from '../../src/app/deploy/DeploymentPorts.js';
import type { DeploymentTaskInput } from '../../src/app/deploy/DeploymentState.js';
import type { EndpointDeploymentConfig } from '../../src/domain/deployment/blueGreenDeploymentConfig.js';
import { FakeEvents, FakeLogger, FakeMetrics, FakeRegistry, FixedClock, packageArn } from './fakes.js';

/** SageMaker hosting held in memory: what exists, and every call that changed something. */
export class FakeHosting implements EndpointHosting {
  readonly models = new Map<string, ModelRequest>();
  readonly configs = new Map<string, EndpointConfigRequest>();
  readonly endpoints = new Map<string, EndpointDescription>();
  readonly calls: { operation: string; input: unknown }[] = [];

  async modelExists(modelName: string): Promise<boolean> {
    return this.models.has(modelName);
  }

  async createModel(request: ModelRequest): Promise<void> {
    this.calls.push({ operation: 'CreateModel', input: request });
    this.models.set(request.modelName, request);
  }

  async endpointConfigExists(endpointConfigName: string): Promise<boolean> {
    return this.configs.has(endpointConfigName);
  }

  async createEndpointConfig(request: EndpointConfigRequest): Promise<void> {
    this.calls.push({ operation: 'CreateEndpointConfig', input: request });
    this.configs.set(request.endpointConfigName, request);
  }

  async describeEndpoint(endpointName: string): Promise<EndpointDescription | undefined> {
    return this.endpoints.get(endpointName);
  }

  async createEndpoint(endpointName: string, endpointConfigName: string): Promise<void> {
    this.calls.push({ operation: 'CreateEndpoint', input: { endpointName, endpointConfigName } });
    this.endpoints.set(endpointName, { status: 'Creating', endpointConfigName });
  }

  async updateEndpoint(endpointName: string, endpointConfigName: string, config: EndpointDeploymentConfig) {
    this.calls.push({ operation: 'UpdateEndpoint', input: { endpointName, endpointConfigName, config } });
    const current = this.endpoints.get(endpointName);
    this.endpoints.set(endpointName, { ...current, status: 'Updating', pendingEndpointConfigName: endpointConfigName });
  }
}

/** A configuration whose churn model deploys to endpoint `churn` (canary by default). */
export const deployConfigYaml = (deployment = '') => `
version: 1
models:
  churn:
    pipeline: churn-retrain
    approvers: [U0ANA]
    modelPackageGroup: churn
    approval: { metric: roc_auc }
    deployment:
      endpointName: churn
      instanceType: ml.m5.large
      executionRoleArn: arn:aws:iam::123456789012:role/fleet-sagemaker-execution
      maximumExecutionTimeoutSeconds: 3600
      rollbackAlarms: [churn-errors-by-hand]
      dataCapture: { samplingPercent: 50, prefix: capture/ }
${deployment
  .split('\n')
  .filter((line) => line !== '')
  .map((line) => `      ${line}`)
  .join('\n')}
pipelines:
  churn-retrain: {}
`;

/** The parsed deployment configuration. */
export const deployConfig = (deployment = '') =>
  parseFleetConfig(deployConfigYaml(deployment), { file: 'fleet.test.yaml', stage: 'test' });

/** The execution input of an approval of churn's package `version`. */
export const approvedInput = (version: number, approvalId = `appr${version}`): DeploymentTaskInput => ({
  model: 'churn',
  modelPackageGroup: 'churn',
  modelPackageArn: packageArn('churn', version),
  modelPackageVersion: version,
  attempt: 1,
  approvalId,
  correlationId: `corr-${version}`,
});

/** Deployment ports made of fakes, over the real records store on the in-memory repository. */
export const deployPorts = (now = '2026-03-02T12:00:00.000Z') => {
  const records = new MemoryRecordsRepository();
  const store = new RecordsDeploymentStore(records);
  const hosting = new FakeHosting();
  const registry = new FakeRegistry();
  const events = new FakeEvents();
  const clock = new FixedClock(now);
  const logger = new FakeLogger();
  const metrics = new FakeMetrics();
  const ports: DeploymentPorts = { hosting, store, registry, events, clock, logger, metrics };
  return { ports, records, store, hosting, registry, events, clock, logger, metrics };
};
