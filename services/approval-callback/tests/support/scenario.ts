import type { ApprovalExecutionInput } from '../../src/app/ApprovalExecution.js';
import type { ApprovalRequestMessage } from '../../src/app/requestApproval.js';
import { approvalIdFor } from '../../src/domain/approvalId.js';
import { packageArn } from './fakes.js';

/** The execution input of a churn package version and attempt. */
export const executionInput = (version = 3, attempt = 1, correlationId = 'corr-1'): ApprovalExecutionInput => ({
  model: 'churn',
  modelPackageGroup: 'churn',
  modelPackageArn: packageArn('churn', version),
  modelPackageVersion: version,
  attempt,
  approvalId: approvalIdFor(packageArn('churn', version), attempt),
  correlationId,
});

/** A task token as long and as odd as Step Functions' own. */
export const taskToken = (seed = 'a'): string => `AQCEAAAAKgAAAAMAAAAA+/=${seed.repeat(1800)}`;

/** The SNS message the state machine publishes for a churn package version and attempt. */
export const requestMessage = (
  version = 3,
  attempt = 1,
  overrides: Partial<ApprovalRequestMessage> = {},
): ApprovalRequestMessage => {
  const input = executionInput(version, attempt);
  return {
    taskToken: taskToken(String(version)),
    approvalId: input.approvalId,
    model: 'churn',
    modelPackageArn: input.modelPackageArn,
    modelPackageVersion: version,
    attempt,
    correlationId: 'corr-1',
    executionArn: `arn:aws:states:eu-west-1:123456789012:execution:fleet-test-approval:churn-v${version}-a${attempt}`,
    requestedAt: '2026-03-02T12:00:00.000Z',
    expiresAt: '2026-03-03T12:00:00.000Z',
    metrics: { roc_auc: 0.84, accuracy: 0.81 },
    championMetrics: { roc_auc: 0.82, accuracy: 0.8 },
    ...overrides,
  };
};
