import { type DynamoDbEmulator, startDynamoDb } from '@fleet/emulators';
import { RecordsRepository, recordsTableDefinition } from '@fleet/shared';

/** A records table in dynalite, over real HTTP. */
export type RecordsTable = { dynamo: DynamoDbEmulator; records: RecordsRepository };

let tables = 0;

/** Creates another records table, exactly as production defines it, in a running dynalite. */
export const addRecordsTable = async (dynamo: DynamoDbEmulator): Promise<RecordsTable> => {
  const tableName = `fleet-approval-test-${++tables}`;
  await dynamo.createTable(recordsTableDefinition(tableName));
  return { dynamo, records: new RecordsRepository({ client: dynamo.documentClient, tableName }) };
};

/**
 * Registers the hooks an integration test file needs: dynalite started once for the file and
 * stopped after it, and a fresh records table before each test. The returned object stays the
 * same and takes the fresh table's fields before each test.
 */
export const recordsTablePerTest = (): RecordsTable => {
  const table = {} as RecordsTable;
  beforeAll(async () => {
    Object.assign(table, await addRecordsTable(await startDynamoDb()));
  });
  afterAll(async () => {
    await table.dynamo.stop();
  });
  beforeEach(async () => {
    Object.assign(table, await addRecordsTable(table.dynamo));
  });
  return table;
};
