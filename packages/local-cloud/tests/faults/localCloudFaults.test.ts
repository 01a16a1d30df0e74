import path from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { LocalCloud } from '../../src/LocalCloud.js';

const rootDir = path.join(__dirname, '..', 'fixtures', 'stacks');

describe('LocalCloud with faults', () => {
  let cloud: LocalCloud | undefined;

  afterEach(async () => {
    await cloud?.stop();
    cloud = undefined;
  });

  it('puts every endpoint behind the fault proxy, counts what it fails, and lands objects past the faults', async () => {
    // Prepare: every call fails, at most twice in a row.
    cloud = await LocalCloud.start({ rootDir, serviceDirs: [], faults: { seed: 9, rate: 1, maxConsecutive: 2 } });
    const client = new DynamoDBClient({ endpoint: cloud.endpoints.dynamodb, maxAttempts: 1 });

    // Act
    const first = await client.send(new ListTablesCommand({})).catch((error: Error) => error);
    const landed = await cloud.land('incoming/orders/a.csv', 'x\n1\n');
    client.destroy();

    // Assess
    expect((first as Error).name).toMatch(
      /^(ThrottlingException|ProvisionedThroughputExceededException|InternalServerError)$/,
    );
    expect(landed.etag).not.toBe('');
    expect(cloud.events().map((entry) => entry.event['detail-type'])).toEqual(['Object Created']);
    const summary = cloud.faultSummary();
    expect(summary).toMatchObject({ seed: 9, rate: 1, maxConsecutive: 2 });
    expect(summary?.services.dynamodb).toMatchObject({ calls: 1, faults: 1 });
    // The upload failed twice, then went through.
    expect(summary?.services.s3).toMatchObject({ calls: 3, faults: 2 });
  });

  it('has no proxy and no summary without faults', async () => {
    // Act
    cloud = await LocalCloud.start({ rootDir, serviceDirs: [] });
    await cloud.land('incoming/orders/a.csv', 'x\n1\n');

    // Assess
    expect(cloud.faultSummary()).toBeUndefined();
    expect(cloud.events()).toHaveLength(1);
  });
});
