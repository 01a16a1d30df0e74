export * from './dependencies/index.js';
export { FetchSlackReplies, REPLY_TIMEOUT_MS } from './FetchSlackReplies.js';
export { RecordsApprovalStore } from './RecordsApprovalStore.js';
export { RecordsDeploymentStore } from './RecordsDeploymentStore.js';
export { parseS3Uri, S3EvaluationReader } from './S3EvaluationReader.js';
export { SageMakerHosting } from './SageMakerHosting.js';
export { SageMakerModelRegistry } from './SageMakerModelRegistry.js';
export { SECRET_CACHE_SECONDS, SsmSigningSecret } from './SsmSigningSecret.js';
export { executionArnOf, StepFunctionsWorkflow } from './StepFunctionsWorkflow.js';
