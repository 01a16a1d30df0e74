export { assertChanges } from './assertChanges.js';
export { type FleetRecord, FleetRecordSchema } from './FleetRecord.js';
export { assertLimit, historyBounds } from './historyBounds.js';
export { MemoryRecordsRepository } from './MemoryRecordsRepository.js';
export {
  applyPauseChange,
  PAUSE_SWITCH_SORT_KEY,
  type PauseChange,
  type PauseChangeResult,
  type PauseSwitch,
  PauseSwitchError,
  pauseSwitchKey,
  readPauseSwitch,
  writePauseChange,
} from './pauseSwitch.js';
export { prepareRecord } from './prepareRecord.js';
export { RecordKind, type RecordKindValue } from './RecordKind.js';
export {
  type DeleteOptions,
  type HistoryOptions,
  RecordsRepository,
  type RecordsRepositoryOptions,
  type RecordsRepositoryPort,
  type UpdateOptions,
} from './RecordsRepository.js';
export { canonicalTime, correlationKey, type PartitionScope, partitionKey, sortKey } from './recordKeys.js';
export { CORRELATION_INDEX, recordsTableDefinition } from './recordsTableDefinition.js';
