export { APPROVAL_DESCRIPTION_LIMIT, approvalDescription, type DescriptionInput } from './approvalDescription.js';
export { APPROVAL_ID_PATTERN, approvalIdFor } from './approvalId.js';
export {
  type ChampionSource,
  type DeploymentSummary,
  newestApproved,
  type PackageSummary,
  servingPackage,
} from './chooseChampion.js';
export { classifySageMakerError, classifySendFailure, type SendFailureKind } from './classifyErrors.js';
export {
  ApprovalError,
  ApprovalNotExpiredError,
  MetricNotFoundError,
  MissingModelMetricsError,
  type SageMakerErrorName,
  SageMakerTaskError,
  type SignatureFailure,
  SlackSignatureError,
  UnknownApprovalModelError,
  UnknownModelPackageGroupError,
} from './errors.js';
export { executionName } from './executionName.js';
export { allMetrics, metricAt } from './metricAt.js';
export { type GateInput, type GateVerdict, qualityGate } from './qualityGate.js';
export {
  checkSlackHeaders,
  type SignedRequest,
  SLACK_TIMESTAMP_TOLERANCE_SECONDS,
  slackSignature,
  verifySlackSignature,
} from './slackSignature.js';
