import type { FleetResources } from './FleetCloud.js';

/**
 * The names of the fleet's records table, data bucket and bus, from the core stack's exports
 * (`fleet-<stage>-RecordsTableName`, `-DataBucketName`, `-EventBusName`).
 *
 * @throws Error naming the export the core stack does not provide
 * @example
 * fleetStackNames({ 'fleet-local-RecordsTableName': 'fleet-local-records', ... }, 'local').recordsTable // 'fleet-local-records'
 */
export const fleetStackNames = (exports: Readonly<Record<string, string>>, stage: string): FleetResources => {
  const exported = (name: string): string => {
    const value = exports[`fleet-${stage}-${name}`];
    if (value === undefined) throw new Error(`the core stack exports no fleet-${stage}-${name}`);
    return value;
  };
  return {
    recordsTable: exported('RecordsTableName'),
    dataBucket: exported('DataBucketName'),
    eventBus: exported('EventBusName'),
  };
};
