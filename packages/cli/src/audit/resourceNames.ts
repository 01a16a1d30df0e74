const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

/**
 * The short name of a pipeline execution: `churn-retrain/abc123` of
 * `...:pipeline/churn-retrain/execution/abc123`; anything else is returned as text.
 *
 * @example
 * executionName('arn:aws:sagemaker:eu-west-1:1:pipeline/churn-retrain/execution/abc') // 'churn-retrain/abc'
 */
export const executionName = (arn: unknown): string => {
  const match = /pipeline\/([^/]+)\/execution\/([^/]+)$/.exec(text(arn));
  return match ? `${match[1]}/${match[2]}` : text(arn);
};

/**
 * The short name of a model package: `churn/1` of `...:model-package/churn/1`; anything else is
 * returned as text.
 *
 * @example
 * packageName('arn:aws:sagemaker:eu-west-1:1:model-package/churn/1') // 'churn/1'
 */
export const packageName = (arn: unknown): string => {
  const match = /model-package\/([^/]+)\/(\d+)$/.exec(text(arn));
  return match ? `${match[1]}/${match[2]}` : text(arn);
};

/**
 * The short name of a function or state machine ARN (its last part), for a redrive's target.
 *
 * @example
 * targetName('arn:aws:lambda:eu-west-1:1:function:fleet-notify-dev-slackDelivery') // 'fleet-notify-dev-slackDelivery'
 */
export const targetName = (arn: unknown): string => {
  const value = text(arn);
  const match = /:(?:function|stateMachine):([^:]+)(?::[^:]+)?$/.exec(value);
  return match ? match[1] : value;
};
