import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** Breaks domain-not-to-aws-sdk: the domain builds an SDK client. */
export const decide = (): DynamoDBClient => new DynamoDBClient({});
