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

/**
 * Creates another records table, exactly as production defines it, in a running dynalite.
 *
 * Tests that start the same pipeline more than once take a fresh table each, so one test's
 * run lock does not hold back the next test's start.
 */
export const addRecordsTable = async (dynamo: DynamoDbEmulator): Promise<RecordsTable> => {
  const tableName = `fleet-test-records-${++tables}`;
  await dynamo.createTable(recordsTableDefinition(tableName));
  const records = new RecordsRepository({ client: dynamo.documentClient, tableName });
  return { dynamo, records, store: new RecordsTriggerStore(records) };
};

/** Starts dynalite and creates the records table exactly as production defines it. */
export const startRecordsTable = async (): Promise<RecordsTable> => addRecordsTable(await startDynamoDb());

/**
 * Registers the hooks an integration test file needs for its records: dynalite started once for
 * the file and stopped after it, and a fresh records table before each test.
 *
 * The returned object stays the same and takes the fresh table's fields before each test, so
 * test bodies and helpers can hold on to it.
 */
export const recordsTablePerTest = (): RecordsTable => {
  const table = {} as RecordsTable;
  beforeAll(async () => {
    Object.assign(table, await startRecordsTable());
  });
  afterAll(async () => {
    await table.dynamo.stop();
  });
  beforeEach(async () => {
    Object.assign(table, await addRecordsTable(table.dynamo));
  });
  return table;
};
