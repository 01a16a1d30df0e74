import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type DynamoDbEmulator, startDynamoDb } from '@fleet/emulators';
import type { LocalStandIn, RunningStandIn, StandInContext } from '../standIn/LocalStandIn.js';

/**
 * DynamoDB on dynalite (in memory), with the tables the stacks declare already created.
 *
 * Serves `AWS_ENDPOINT_URL_DYNAMODB`; TTL is not enforced and transactions are not served
 * (dynalite's limits).
 */
export class DynamoDbStandIn implements LocalStandIn {
  readonly name = 'dynamodb';
  readonly #tables: readonly CreateTableCommandInput[];
  #emulator?: DynamoDbEmulator;

  constructor(options: { tables: readonly CreateTableCommandInput[] }) {
    this.#tables = options.tables;
  }

  /** A document client on the local DynamoDB, for reading what the functions wrote. */
  get documentClient(): DynamoDBDocumentClient {
    if (this.#emulator === undefined) throw new Error('the DynamoDB stand-in is not started');
    return this.#emulator.documentClient;
  }

  async start(context: StandInContext): Promise<RunningStandIn> {
    const endpoint = await context.listen('dynamodb', async (port) => {
      this.#emulator = await startDynamoDb({ port });
      return this.#emulator.endpoint;
    });
    const emulator = this.#emulator as DynamoDbEmulator;
    try {
      for (const table of this.#tables) await emulator.createTable(table);
    } catch (error) {
      await emulator.stop();
      throw error;
    }
    return { endpoints: { dynamodb: endpoint }, stop: () => emulator.stop() };
  }
}
