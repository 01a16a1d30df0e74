import { SSMClient } from '@aws-sdk/client-ssm';
import {
  ConfigError,
  createObservability,
  getFleetConfig,
  type LoadedFleetConfig,
  oncePerColdStart,
} from '@fleet/shared';
import type { ApprovalPorts } from '../../app/ApprovalPorts.js';
import type { SigningSecret } from '../../app/ports.js';
import { FetchSlackReplies } from '../FetchSlackReplies.js';
import { SsmSigningSecret } from '../SsmSigningSecret.js';
import { coreDependencies, type DependencyOptions, defaultMaxAttempts } from './coreDependencies.js';
import { serviceName } from './serviceName.js';
import { workflowFromEnv } from './workflowFromEnv.js';

/** What `slackInteraction` needs: the signing secret, the configuration and the decision's ports. */
export type SlackDependencies = {
  secret: SigningSecret;
  config: LoadedFleetConfig;
  ports: Pick<ApprovalPorts, 'store' | 'workflow' | 'replies' | 'clock' | 'logger' | 'metrics'>;
};

/**
 * The dependencies of `slackInteraction`: the signing secret from the SSM parameter named in
 * `secrets.slackSigningSecret`, records, the state machine and `response_url` replies.
 *
 * @throws ConfigError naming a missing variable, a bad configuration field, or no signing secret parameter
 */
export const slackDependencies = (
  env: NodeJS.ProcessEnv = process.env,
  options: DependencyOptions = {},
): SlackDependencies => {
  const config = getFleetConfig(env);
  const parameter = config.secrets.slackSigningSecret;
  if (parameter === undefined) {
    throw new ConfigError(config.file, 'secrets.slackSigningSecret: required to verify Slack requests');
  }
  const { tracer } = createObservability(serviceName);
  const ssm = tracer.captureAWSv3Client(new SSMClient({ maxAttempts: options.maxAttempts ?? defaultMaxAttempts }));
  return {
    secret: new SsmSigningSecret(ssm, parameter),
    config,
    ports: {
      ...coreDependencies(env, options),
      workflow: workflowFromEnv(env, options.maxAttempts),
      replies: new FetchSlackReplies(),
    },
  };
};

/** The Slack dependencies of this function, built once per cold start. */
export const defaultSlackDependencies = oncePerColdStart(() => slackDependencies());
