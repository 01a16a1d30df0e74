import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { RecordsRepository } from '@fleet/shared';

/** The records table as a command reads it, and how to let go of it. */
export type RecordsTableConnection = {
  tableName: string;
  repository: RecordsRepository;
  documentClient: DynamoDBDocumentClient;
  /** The region the client resolved (`--region`, else the SDK's chain), for messages. */
  region: () => Promise<string>;
  /** Closes the client's sockets, so the command's process can end. */
  close: () => void;
};

/**
 * Opens the records table with the SDK's default credentials: in `region` when given, else the
 * SDK's region chain; at `AWS_ENDPOINT_URL_DYNAMODB` when set (the local cloud, as
 * `fleet local` prints it), else at AWS.
 */
export const openRecordsTable = (options: { tableName: string; region?: string }): RecordsTableConnection => {
  const client = new DynamoDBClient(options.region === undefined ? {} : { region: options.region });
  const documentClient = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
  return {
    tableName: options.tableName,
    repository: new RecordsRepository({ client: documentClient, tableName: options.tableName }),
    documentClient,
    region: async () => {
      try {
        return await client.config.region();
      } catch {
        // The region chain found nothing: the message names what is missing, not a second error.
        return '(no region set)';
      }
    },
    close: () => client.destroy(),
  };
};
