/** A capacity as the guardrails take it: a number of instances or a percentage of the variant's. */
export type CapacitySize = { Type: 'INSTANCE_COUNT' | 'CAPACITY_PERCENT'; Value: number };

/** BlueGreenUpdatePolicy of a DeploymentConfig. */
export type BlueGreenUpdatePolicy = {
  TrafficRoutingConfiguration: {
    Type: 'ALL_AT_ONCE' | 'CANARY' | 'LINEAR';
    WaitIntervalInSeconds: number;
    CanarySize?: CapacitySize;
    LinearStepSize?: CapacitySize;
  };
  TerminationWaitInSeconds?: number;
  MaximumExecutionTimeoutInSeconds?: number;
};

/** One step of a blue/green deployment, in order: launch instances, shift traffic to them, bake (watching alarms). */
export type DeploymentStep =
  | { kind: 'launch'; instances: number; message: string }
  | { kind: 'shift'; serving: number; message: string }
  | { kind: 'bake'; seconds: number; message: string };

const instancesOf = (size: CapacitySize, total: number): number =>
  size.Type === 'INSTANCE_COUNT' ? size.Value : Math.max(1, Math.ceil((total * size.Value) / 100));

const plural = (count: number) => `${count} instance(s)`;

/**
 * Why SageMaker refuses a blue/green policy for a variant of `total` instances, or undefined when
 * it accepts it: a canary holds at most half the fleet, linear steps 10-50 % of it, and the
 * deployment's timeout must exceed the waits it adds up.
 */
export const deploymentPolicyProblem = (
  policy: BlueGreenUpdatePolicy | undefined,
  total: number,
): string | undefined => {
  if (policy === undefined) return undefined;
  const routing = policy.TrafficRoutingConfiguration;
  if (routing.Type === 'CANARY') {
    if (routing.CanarySize === undefined) return 'CanarySize must be specified for CANARY traffic routing.';
    const canary = routing.CanarySize;
    if ((canary.Type === 'CAPACITY_PERCENT' && canary.Value > 50) || instancesOf(canary, total) * 2 > total) {
      return `CanarySize must be less than or equal to 50% of the variant's total instance count (${total}).`;
    }
  }
  if (routing.Type === 'LINEAR') {
    if (routing.LinearStepSize === undefined) return 'LinearStepSize must be specified for LINEAR traffic routing.';
    const step = routing.LinearStepSize;
    const share = step.Type === 'CAPACITY_PERCENT' ? step.Value : (step.Value * 100) / total;
    if (share < 10 || share > 50) {
      return `LinearStepSize must be 10-50% of the variant's total instance count (${total}).`;
    }
  }
  const maximum = policy.MaximumExecutionTimeoutInSeconds;
  const waits =
    (routing.Type === 'ALL_AT_ONCE' ? 0 : routing.WaitIntervalInSeconds) + (policy.TerminationWaitInSeconds ?? 0);
  if (maximum !== undefined && maximum <= waits) {
    return `MaximumExecutionTimeoutInSeconds (${maximum}) must be larger than the total waiting time (${waits} seconds).`;
  }
  return undefined;
};

/**
 * The steps of a blue/green deployment to a variant of `total` instances, as SageMaker's
 * guardrails run them. ALL_AT_ONCE: launch the new fleet, shift all traffic, bake for
 * `TerminationWaitInSeconds`. CANARY: launch and shift the canary, bake for
 * `WaitIntervalInSeconds`, launch the rest, shift all, bake for the termination wait. LINEAR:
 * launch and shift one step at a time with a wait after each but the last, then bake. No policy:
 * all at once without baking.
 */
export const deploymentSteps = (policy: BlueGreenUpdatePolicy | undefined, total: number): DeploymentStep[] => {
  const routing = policy?.TrafficRoutingConfiguration ?? { Type: 'ALL_AT_ONCE' as const, WaitIntervalInSeconds: 0 };
  const wait = routing.WaitIntervalInSeconds;
  const termination = policy?.TerminationWaitInSeconds ?? 0;
  const steps: DeploymentStep[] = [];
  const full = () => {
    steps.push({ kind: 'shift', serving: total, message: `Activating traffic on full capacity of ${plural(total)}.` });
    if (policy !== undefined) {
      steps.push({
        kind: 'bake',
        seconds: termination,
        message: `Baking for ${termination} seconds (TerminationWaitInSeconds) with traffic enabled on full capacity of ${plural(total)}.`,
      });
    }
  };
  if (routing.Type === 'CANARY' && routing.CanarySize !== undefined) {
    const canary = Math.min(instancesOf(routing.CanarySize, total), total);
    steps.push({ kind: 'launch', instances: canary, message: `Launching ${plural(canary)}.` });
    steps.push({
      kind: 'shift',
      serving: canary,
      message: `Activating traffic on canary capacity of ${plural(canary)}.`,
    });
    steps.push({
      kind: 'bake',
      seconds: wait,
      message: `Baking for ${wait} seconds (WaitIntervalInSeconds) with traffic enabled on canary capacity of ${plural(canary)}.`,
    });
    if (total > canary) {
      steps.push({ kind: 'launch', instances: total - canary, message: `Launching ${plural(total - canary)}.` });
    }
    full();
    return steps;
  }
  if (routing.Type === 'LINEAR' && routing.LinearStepSize !== undefined) {
    const step = Math.max(1, instancesOf(routing.LinearStepSize, total));
    for (let serving = 0; serving < total; ) {
      const launched = Math.min(step, total - serving);
      serving += launched;
      steps.push({ kind: 'launch', instances: launched, message: `Launching ${plural(launched)}.` });
      if (serving === total) break;
      steps.push({ kind: 'shift', serving, message: `Activating traffic on ${plural(serving)} of ${total}.` });
      steps.push({
        kind: 'bake',
        seconds: wait,
        message: `Baking for ${wait} seconds (WaitIntervalInSeconds) with traffic enabled on ${plural(serving)}.`,
      });
    }
    full();
    return steps;
  }
  steps.push({ kind: 'launch', instances: total, message: `Launching ${plural(total)}.` });
  full();
  return steps;
};
