export { type BatchLimits, batchEntries } from './batchEntries.js';
export {
  EventPublisher,
  type EventPublisherOptions,
  type EventPublisherPort,
  type PublishEntry,
  type PublisherLogger,
  type PublishOptions,
  RETRYABLE_ENTRY_ERROR_CODES,
} from './EventPublisher.js';
export { entrySize, MAX_PUT_EVENTS_BYTES, MAX_PUT_EVENTS_ENTRIES } from './entrySize.js';
export { MemoryEventPublisher, type PublishedEvent } from './MemoryEventPublisher.js';
export { PublishError, type PublishFailure } from './PublishError.js';
export { type ValidatedDetail, validateFleetDetail } from './validateFleetDetail.js';
