import { startDynamoDb } from '@fleet/emulators';
import { RecordsRepository, recordsTableDefinition } from '../../src/index.js';
import { describePauseSwitch } from '../pause/pauseSwitchContract.js';

describePauseSwitch('pause switch over RecordsRepository against dynalite over HTTP', async () => {
  const dynamo = await startDynamoDb();
  const tableName = 'fleet-test-pause';
  await dynamo.createTable(recordsTableDefinition(tableName));
  return {
    repository: new RecordsRepository({ client: dynamo.documentClient, tableName }),
    stop: () => dynamo.stop(),
  };
});
