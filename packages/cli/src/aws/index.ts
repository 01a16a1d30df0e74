export { AwsCommandError } from './AwsCommandError.js';
export { type AwsCallContext, describeAwsError } from './describeAwsError.js';
export { openRecordsTable, type RecordsTableConnection } from './openRecordsTable.js';
export { RecordsTableError } from './RecordsTableError.js';
export { type RecordsTableOptions, recordsTableExportName, resolveRecordsTable } from './recordsTable.js';
export { withRecordsTable } from './withRecordsTable.js';
