/** SageMaker names of models, endpoint configurations and alarms: at most 63 characters here. */
const MAX_NAME = 63;

const clean = (text: string): string => text.replace(/[^A-Za-z0-9-]/g, '-');

/**
 * The name of the model and of the endpoint configuration a package version deploys under:
 * `<endpoint>-v<version>`.
 *
 * Deterministic, so a deployment that runs again after a crash finds what it created instead of
 * failing on "Cannot create already existing ...", and the endpoint's configuration says which
 * version serves. A long endpoint name is cut so the version always fits.
 *
 * @example
 * deploymentResourceName('churn', 3) // 'churn-v3'
 */
export const deploymentResourceName = (endpointName: string, version: number): string => {
  const suffix = `-v${version}`;
  return `${clean(endpointName).slice(0, MAX_NAME - suffix.length)}${suffix}`;
};

/** The metrics the stack alarms on for every endpoint variant, by alarm suffix. */
export const ENDPOINT_ALARM_SUFFIXES = ['Invocation5XXErrors', 'ModelLatencyP99'] as const;

/**
 * The names of the two alarms the stack creates per endpoint variant, which every deployment of
 * that variant rolls back on besides the configured `rollbackAlarms`:
 * `fleet-<stage>-<endpoint>-<variant>-Invocation5XXErrors` and `...-ModelLatencyP99`.
 *
 * serverless.yml declares them under these names; a test keeps the two in step.
 *
 * @example
 * endpointAlarmNames('dev', 'churn', 'AllTraffic') // ['fleet-dev-churn-AllTraffic-Invocation5XXErrors', 'fleet-dev-churn-AllTraffic-ModelLatencyP99']
 */
export const endpointAlarmNames = (stage: string, endpointName: string, variantName: string): string[] =>
  ENDPOINT_ALARM_SUFFIXES.map((suffix) => `fleet-${stage}-${endpointName}-${variantName}-${suffix}`);
