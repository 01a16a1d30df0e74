export {
  CORRELATION_ID_KEY,
  type CorrelationIdOptions,
  correlationId,
  defaultCorrelationId,
  getCorrelationId,
} from './correlationId.js';
export { type ErrorLoggerOptions, errorLogger } from './errorLogger.js';
export { type ValidateEventOptions, validateEvent } from './validateEvent.js';
