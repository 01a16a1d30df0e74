export { RecordsTableError } from './RecordsTableError.js';
export { type RecordsTableOptions, recordsTableExportName, resolveRecordsTable } from './recordsTable.js';
