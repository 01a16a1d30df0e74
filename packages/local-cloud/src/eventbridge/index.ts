export { type CompiledPattern, compilePattern, type FieldCondition, type ValueMatcher } from './compilePattern.js';
export { EventBridgeApiError } from './EventBridgeApiError.js';
export {
  type AcceptedEvent,
  handlePutEvents,
  MAX_PUT_EVENTS_BYTES,
  MAX_PUT_EVENTS_ENTRIES,
  type PutEventsContext,
  type PutEventsResponse,
  type PutEventsResultEntry,
} from './handlePutEvents.js';
export { InputTransformError } from './InputTransformError.js';
export { InvalidEventPatternError } from './InvalidEventPatternError.js';
export { type IpAddress, type IpRange, ipInRange, parseCidr, parseIpAddress } from './ipAddress.js';
export { eventTime, type LocalEvent } from './LocalEvent.js';
export {
  type EventLogEntry,
  type EventOrigin,
  type FailedDelivery,
  type InjectedEvent,
  LocalEventBridge,
  type LocalEventBridgeOptions,
} from './LocalEventBridge.js';
export { matchesPattern } from './matchesPattern.js';
export { type PutEventsEndpoint, type PutEventsEndpointOptions, startPutEventsEndpoint } from './putEventsEndpoint.js';
export { putEventsEntrySize, type SizedEntry } from './putEventsEntrySize.js';
export { readJsonPath } from './readJsonPath.js';
export {
  handleRuleOperation,
  isRuleOperation,
  RULE_OPERATIONS,
  type RuleDescription,
  type RuleDirectory,
  type RuleOperation,
  type RuleState,
} from './ruleManagement.js';
export { type TransformContext, transformInput } from './transformInput.js';
export { validatePattern } from './validatePattern.js';
export { wildcardToRegExp } from './wildcardToRegExp.js';
