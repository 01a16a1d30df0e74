import {
  type LeaseKey,
  Leases,
  type PauseSwitch,
  partitionKey,
  type RecordsRepositoryPort,
  readPauseSwitch,
  sortKey,
} from '@fleet/shared';
import type { DeploymentStore } from '../app/deploy/DeploymentPorts.js';
import type { DeploymentRecord } from '../app/deploy/DeploymentRecord.js';
import type { ServedPackage } from '../domain/deployment/rollbackTarget.js';

/**
 * The deployment's records on the fleet's records table:
 *
 * - deployment record (kind `deployment`): `MODEL#<model>` / `<ISO>#deployment#<deploymentId>`,
 *   the model's history, kept without TTL; `id` is the deployment id (the approval's);
 * - deployment lease (kind `idempotency`): `LOCK#ENDPOINT#<endpoint, lower case>` / `deployment`,
 *   one deployment per endpoint at a time, through the shared `Leases`;
 * - the model's pause switch (`PAUSE#MODEL#<model>` / `current`), read through the shared
 *   `readPauseSwitch`.
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

  pauseSwitch(model: string): Promise<PauseSwitch | undefined> {
    return readPauseSwitch(this.#records, model);
  }

  async deployments(model: string): Promise<ServedPackage[]> {
    const history = await this.#records.history(partitionKey('MODEL', model), { newestFirst: true });
    return history
      .filter((record) => record.kind === 'deployment' && typeof record.modelPackageArn === 'string')
      .map((record) => ({
        at: record.at,
        decision: String(record.decision),
        modelPackageArn: String(record.modelPackageArn),
        ...(typeof record.modelPackageVersion === 'number' ? { modelPackageVersion: record.modelPackageVersion } : {}),
      }));
  }
}
