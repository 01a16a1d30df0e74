export { ObjectUnavailableError, type ObjectUnavailableReason } from './ObjectUnavailableError.js';
export type {
  AppLogger,
  AppMetrics,
  Clock,
  DatasetObjectStore,
  ObjectLocation,
  ObjectVersion,
  ValidationPorts,
} from './ports.js';
export { type Claim, type ClaimResult, ValidationClaims } from './ValidationClaims.js';
export type { OutcomeObject, SkipReason, ValidationOutcome, ValidationSummary } from './ValidationOutcome.js';
export {
  DEFAULT_LEASE_MS,
  EVENT_ISSUES,
  RECORD_ISSUES,
  type ValidateObjectRequest,
  validateObject,
} from './validateObject.js';
export {
  CLAIM_TTL_DAYS,
  formatRecordKey,
  objectIdentity,
  profileKey,
  ttlAfter,
  validationEventKey,
  validationId,
  validationRecordKeys,
  versionLabel,
} from './validationKeys.js';
