import { CloudFormationClient, ListExportsCommand } from '@aws-sdk/client-cloudformation';
import { RecordsTableError } from './RecordsTableError.js';

/** Where a command finds the records table: the options a user typed and the environment. */
export type RecordsTableOptions = {
  /** `--table`: wins over everything else. */
  table?: string;
  /** `--stage`: the core stack's stage, whose export names the table (AWS only). */
  stage?: string;
  /** `--region`: where the core stack is (default: the SDK's region chain). */
  region?: string;
  /** The environment (default `process.env`), for `FLEET_RECORDS_TABLE`. */
  env?: NodeJS.ProcessEnv;
};

/**
 * The name of the core stack's export that holds the records table of a stage.
 *
 * @example
 * recordsTableExportName('prod') // 'fleet-prod-RecordsTableName'
 */
export const recordsTableExportName = (stage: string): string => `fleet-${stage}-RecordsTableName`;

const present = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

/**
 * Reads one CloudFormation export by name, paging through `ListExports` (a region can hold
 * many stacks' exports, 100 a page).
 */
const readExport = async (client: CloudFormationClient, name: string): Promise<string | undefined> => {
  let nextToken: string | undefined;
  do {
    const page = await client.send(new ListExportsCommand({ NextToken: nextToken }));
    const found = page.Exports?.find((entry) => entry.Name === name);
    if (found?.Value !== undefined) return found.Value;
    nextToken = page.NextToken;
  } while (nextToken !== undefined);
  return undefined;
};

/**
 * Finds the records table the operator's commands (`history`, `trace`, `pause`, `redrive`) read:
 * `--table`, else `FLEET_RECORDS_TABLE`, else the core stack's CloudFormation export
 * `fleet-<stage>-RecordsTableName` for `--stage` (through `ListExports`, with the SDK's default
 * credentials, in `--region` or the SDK's region).
 *
 * The local cloud has no CloudFormation: against it, pass `--table` or set `FLEET_RECORDS_TABLE`
 * (`fleet local` prints the table's name).
 *
 * @throws RecordsTableError when neither a table nor a stage is given, or the stage's export is missing
 * @throws the SDK's error when `ListExports` fails (credentials, permissions, region)
 */
export const resolveRecordsTable = async (options: RecordsTableOptions): Promise<string> => {
  const table = present(options.table) ?? present((options.env ?? process.env).FLEET_RECORDS_TABLE);
  if (table !== undefined) return table;
  const stage = present(options.stage);
  if (stage === undefined) {
    throw new RecordsTableError(
      'no records table: pass --table <name>, set FLEET_RECORDS_TABLE, or pass --stage <stage> to read the core stack export',
    );
  }
  const client = new CloudFormationClient(options.region === undefined ? {} : { region: options.region });
  try {
    const name = recordsTableExportName(stage);
    const value = await readExport(client, name);
    if (value === undefined) {
      const region = await client.config.region();
      throw new RecordsTableError(
        `no CloudFormation export ${name} in region ${region}: deploy the core stack for stage ${stage} there, or pass --table <name>`,
      );
    }
    return value;
  } finally {
    client.destroy();
  }
};
