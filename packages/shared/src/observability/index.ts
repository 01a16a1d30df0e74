export { createObservability, METRICS_NAMESPACE, type Observability } from './createObservability.js';
export {
  type FailureLogger,
  type FailureMetrics,
  type HandledFailure,
  reportHandledFailure,
} from './reportHandledFailure.js';
