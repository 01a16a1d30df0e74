export { createObservability, METRICS_NAMESPACE, type Observability } from './createObservability.js';
