import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** Allowed: adapters hold the AWS SDK. */
export const createClient = (): DynamoDBClient => new DynamoDBClient({});
