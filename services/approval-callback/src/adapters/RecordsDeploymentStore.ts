import { type LeaseKey, Leases, partitionKey, type RecordsRepositoryPort, sortKey } from '@fleet/shared';
import type { DeploymentStore } from '../app/deploy/DeploymentPorts.js';
import type { DeploymentRecord } from '../app/deploy/DeploymentRecord.js';

/**
 * The deployment's records on the fleet's records table:
 *
 * - deployment record (kind `deployment`): `MODEL#<model>` / `<ISO>#deployment#<deploymentId>`,
 *   the model's history, kept without TTL; `id` is the deployment id (the approval's);
 * - deployment lease (kind `idempotency`): `LOCK#ENDPOINT#<endpoint, lower case>` / `deployment`,
 *   one deployment per endpoint at a time, through the shared `Leases`.
 */
export class RecordsDeploymentStore implements DeploymentStore {
  readonly #records: RecordsRepositoryPort;
  readonly leases: Leases;

  constructor(records: RecordsRepositoryPort) {
    this.#records = records;
    this.leases = new Leases(records);
  }

  lockKey(endpointName: string): LeaseKey {
    return { pk: `LOCK#ENDPOINT#${endpointName.toLowerCase()}`, sk: 'deployment' };
  }

  putDeployment(record: DeploymentRecord): Promise<boolean> {
    const { deploymentId, ...fields } = record;
    return this.#records.putIfAbsent({
      pk: partitionKey('MODEL', record.model),
      sk: sortKey(record.at, 'deployment', deploymentId),
      kind: 'deployment',
      id: deploymentId,
      ...fields,
    });
  }
}
