import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/** The name of the correlation index of the records table. */
export const CORRELATION_INDEX = 'gsi1';

/**
 * The records table as a CreateTable request: `pk`/`sk` keys, the `gsi1` correlation index on
 * `gsi1pk`/`gsi1sk` (all attributes projected), on-demand billing.
 *
 * It mirrors `RecordsTable` in the root `serverless.yml` (a test keeps the two in step) so the
 * local cloud and integration tests create exactly the table production has. TTL is set on
 * the deployed table; dynalite does not support it.
 */
export const recordsTableDefinition = (tableName: string): CreateTableCommandInput => ({
  TableName: tableName,
  BillingMode: 'PAY_PER_REQUEST',
  AttributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'S' },
    { AttributeName: 'sk', AttributeType: 'S' },
    { AttributeName: 'gsi1pk', AttributeType: 'S' },
    { AttributeName: 'gsi1sk', AttributeType: 'S' },
  ],
  KeySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' },
    { AttributeName: 'sk', KeyType: 'RANGE' },
  ],
  GlobalSecondaryIndexes: [
    {
      IndexName: CORRELATION_INDEX,
      KeySchema: [
        { AttributeName: 'gsi1pk', KeyType: 'HASH' },
        { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    },
  ],
});
