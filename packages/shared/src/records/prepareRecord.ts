import { ValidationError } from '../errors/ValidationError.js';
import { type FleetRecord, FleetRecordSchema } from './FleetRecord.js';
import { correlationKey } from './recordKeys.js';

/**
 * Validates a record and fills in its correlation index keys (`gsi1pk` from the correlation id,
 * `gsi1sk` from the sort key) when it does not set them.
 *
 * @throws ValidationError naming each bad field
 */
export const prepareRecord = (record: FleetRecord): FleetRecord => {
  const result = FleetRecordSchema.safeParse(record);
  if (!result.success) throw new ValidationError(`record ${record?.pk ?? '?'} ${record?.sk ?? '?'}`, result.error);
  return {
    ...record,
    gsi1pk: record.gsi1pk ?? correlationKey(record.correlationId),
    gsi1sk: record.gsi1sk ?? record.sk,
  };
};
