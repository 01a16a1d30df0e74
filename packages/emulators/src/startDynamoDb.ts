import type { AddressInfo } from 'node:net';
import { CreateTableCommand, type CreateTableCommandInput, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

// dynalite ships no types and is CommonJS; this is the part of its API used here.
type DynaliteServer = {
  listen: (port: number, host: string, cb: (err?: Error) => void) => void;
  close: (cb: (err?: Error) => void) => void;
  address: () => AddressInfo;
};
const dynalite: (options: Record<string, unknown>) => DynaliteServer = require('dynalite');

/** A running in-memory DynamoDB (dynalite) on a loopback port. */
export type DynamoDbEmulator = {
  endpoint: string;
  client: DynamoDBClient;
  documentClient: DynamoDBDocumentClient;
  createTable: (input: CreateTableCommandInput) => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * Starts dynalite in memory on a free loopback port.
 *
 * Table creation waits for ACTIVE (dynalite delays it slightly, as DynamoDB does), so a test can
 * write right after `createTable` resolves.
 */
export const startDynamoDb = async (options: { port?: number } = {}): Promise<DynamoDbEmulator> => {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) =>
    server.listen(options.port ?? 0, '127.0.0.1', (err) => (err ? reject(err) : resolve())),
  );
  const endpoint = `http://127.0.0.1:${server.address().port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: process.env.AWS_REGION ?? 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const documentClient = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  return {
    endpoint,
    client,
    documentClient,
    createTable: async (input) => {
      await client.send(new CreateTableCommand(input));
    },
    stop: async () => {
      client.destroy();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
};
