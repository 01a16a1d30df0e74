import { type DynamoDbEmulator, startDynamoDb } from '@fleet/emulators';
import { RecordsRepository, recordsTableDefinition } from '@fleet/shared';
import { RecordsTriggerStore } from '../../src/adapters/RecordsTriggerStore.js';

/** A records table in dynalite, over real HTTP, with the store and repository on top. */
export type RecordsTable = {
  dynamo: DynamoDbEmulator;
  records: RecordsRepository;
  store: RecordsTriggerStore;
};

let tables = 0;

/** Starts dynalite and creates the records table exactly as production defines it. */
export const startRecordsTable = async (): Promise<RecordsTable> => {
  const dynamo = await startDynamoDb();
  const tableName = `fleet-test-records-${++tables}`;
  await dynamo.createTable(recordsTableDefinition(tableName));
  const records = new RecordsRepository({ client: dynamo.documentClient, tableName });
  return { dynamo, records, store: new RecordsTriggerStore(records) };
};
