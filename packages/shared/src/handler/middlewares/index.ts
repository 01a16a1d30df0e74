export {
  CORRELATION_ID_KEY,
  type CorrelationIdOptions,
  correlationId,
  defaultCorrelationId,
  getCorrelationId,
  pickCorrelationId,
} from './correlationId.js';
export { type ErrorLoggerOptions, type ErrorLogLevel, errorLogger, logError } from './errorLogger.js';
export { type ValidateEventOptions, validateEvent } from './validateEvent.js';
