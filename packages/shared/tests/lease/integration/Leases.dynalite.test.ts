import { startDynamoDb } from '@fleet/emulators';
import { RecordsRepository, recordsTableDefinition } from '../../../src/index.js';
import { describeLeases } from '../leasesContract.js';

describeLeases('Leases over RecordsRepository against dynalite over HTTP', async () => {
  const dynamo = await startDynamoDb();
  const tableName = 'fleet-test-leases';
  await dynamo.createTable(recordsTableDefinition(tableName));
  return {
    repository: new RecordsRepository({ client: dynamo.documentClient, tableName }),
    stop: () => dynamo.stop(),
  };
});
