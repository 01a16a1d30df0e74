import 'aws-sdk-client-mock-jest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { canonicalTime, RecordsRepository, sortKey } from '../../src/index.js';

const documentClient = mockClient(DynamoDBDocumentClient);
const item = (id: string) => ({ pk: 'PIPELINE#p', sk: `2024-01-01T00:00:00.000Z#trigger#${id}`, id });

describe('RecordsRepository queries', () => {
  const repository = new RecordsRepository({
    client: DynamoDBDocumentClient.from(new DynamoDBClient({})),
    tableName: 'records',
  });

  beforeEach(() => {
    documentClient.reset();
  });

  it('follows LastEvaluatedKey until the history is complete', async () => {
    // Prepare
    documentClient
      .on(QueryCommand)
      .resolvesOnce({ Items: [item('a'), item('b')], LastEvaluatedKey: { pk: 'PIPELINE#p', sk: 'b' } })
      .resolves({ Items: [item('c')] });

    // Act
    const history = await repository.history('PIPELINE#p');

    // Assess
    expect(history.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(documentClient).toHaveReceivedNthCommandWith(2, QueryCommand, {
      ExclusiveStartKey: { pk: 'PIPELINE#p', sk: 'b' },
    });
  });

  it('stops paginating once the limit is reached and asks only for what is missing', async () => {
    // Prepare
    documentClient
      .on(QueryCommand)
      .resolvesOnce({ Items: [item('a')], LastEvaluatedKey: { pk: 'PIPELINE#p', sk: 'a' } })
      .resolves({ Items: [item('b'), item('c')], LastEvaluatedKey: { pk: 'PIPELINE#p', sk: 'c' } });

    // Act
    const history = await repository.history('PIPELINE#p', { limit: 3, newestFirst: true });

    // Assess
    expect(history).toHaveLength(3);
    expect(documentClient).toHaveReceivedCommandTimes(QueryCommand, 2);
    expect(documentClient).toHaveReceivedNthCommandWith(2, QueryCommand, { Limit: 2, ScanIndexForward: false });
  });

  it('throws for a limit that is not a positive integer', async () => {
    // Act
    const querying = repository.history('PIPELINE#p', { limit: 0 });

    // Assess
    await expect(querying).rejects.toThrow('limit must be a positive integer');
  });
});

describe('record keys', () => {
  it('normalises the time in a sort key so string order is time order', () => {
    // Act
    const key = sortKey('2024-05-01T12:00:00+02:00', 'trigger', 'x');

    // Assess
    expect(key).toBe('2024-05-01T10:00:00.000Z#trigger#x');
  });

  it('leaves text that is not a time unchanged', () => {
    // Act
    const time = canonicalTime('not a time');

    // Assess
    expect(time).toBe('not a time');
  });
});
