import { AwsCommandError } from './AwsCommandError.js';
import { describeAwsError } from './describeAwsError.js';
import { openRecordsTable, type RecordsTableConnection } from './openRecordsTable.js';
import { type RecordsTableOptions, recordsTableExportName, resolveRecordsTable } from './recordsTable.js';

const regionOf = async (options: RecordsTableOptions, table?: RecordsTableConnection): Promise<string> =>
  options.region ??
  (table === undefined ? (options.env ?? process.env).AWS_REGION : await table.region()) ??
  '(no region set)';

/**
 * Finds the records table (`resolveRecordsTable`), opens it, runs `use` on it and closes it,
 * turning any failed AWS call into an {@link AwsCommandError} that names the table (or the
 * core stack's export) and the region: the operators' commands share one way to reach the table
 * and one wording of what went wrong.
 *
 * @throws RecordsTableError when no table is given and none can be found
 * @throws AwsCommandError when an AWS call fails
 */
export const withRecordsTable = async <T>(
  options: RecordsTableOptions,
  use: (table: RecordsTableConnection) => Promise<T>,
): Promise<T> => {
  let tableName: string;
  try {
    tableName = await resolveRecordsTable(options);
  } catch (error) {
    const resource = `CloudFormation export ${recordsTableExportName(options.stage ?? '?')}`;
    const message = describeAwsError(error, { resource, region: await regionOf(options) });
    if (message === undefined) throw error;
    throw new AwsCommandError(message, { cause: error });
  }
  const table = openRecordsTable({ tableName, ...(options.region === undefined ? {} : { region: options.region }) });
  try {
    return await use(table);
  } catch (error) {
    const message = describeAwsError(error, { resource: `table ${tableName}`, region: await regionOf(options, table) });
    if (message === undefined) throw error;
    throw new AwsCommandError(message, { cause: error });
  } finally {
    table.close();
  }
};
